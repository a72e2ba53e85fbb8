variable "stack_set_name" {
  type    = string
  default = "tenfold-member-role"
}

variable "call_as" {
  description = "SELF from the management account, DELEGATED_ADMIN from a StackSets delegated administrator."
  type        = string
  default     = "SELF"
}

variable "role_name" {
  description = "Must equal TENFOLD_ROLE_NAME."
  type        = string
  default     = "TenfoldReadOnly"
}

variable "scanner_principal_arn" {
  description = "ARN of the scanner role (module scanner-role)."
  type        = string
}

variable "external_id" {
  description = "Must equal TENFOLD_EXTERNAL_ID."
  type        = string
  sensitive   = true
}

variable "organizational_unit_ids" {
  description = "OUs to deploy to; the root id (r-xxxx) covers the whole organisation."
  type        = list(string)
}

variable "region" {
  description = "The one Region the StackSet instances are created in (IAM roles are global)."
  type        = string
  default     = "us-east-1"
}
