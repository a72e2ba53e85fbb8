variable "role_name" {
  description = "Name of the member role; must equal TENFOLD_ROLE_NAME."
  type        = string
  default     = "TenfoldReadOnly"
  validation {
    condition     = can(regex("^[\\w+=,.@-]{1,64}$", var.role_name))
    error_message = "role_name must be an IAM role name."
  }
}

variable "scanner_principal_arn" {
  description = "ARN of the scanner role (module scanner-role), the only principal trusted."
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::\\d{12}:role/.+$", var.scanner_principal_arn))
    error_message = "scanner_principal_arn must be an IAM role ARN."
  }
}

variable "external_id" {
  description = "Must equal TENFOLD_EXTERNAL_ID."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "external_id must be 2 to 1224 characters."
  }
}

variable "tags" {
  description = "Extra tags for the role."
  type        = map(string)
  default     = {}
}
