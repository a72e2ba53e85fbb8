variable "scanner_role_name" {
  description = "Name of the scanner role."
  type        = string
  default     = "TenfoldScanner"
}

variable "member_role_name" {
  description = "Name of the member role in every account; must equal TENFOLD_ROLE_NAME."
  type        = string
  default     = "TenfoldReadOnly"
}

variable "compute_service_principal" {
  description = "Service that runs Tenfold's containers: ecs-tasks.amazonaws.com, ec2.amazonaws.com or pods.eks.amazonaws.com."
  type        = string
  default     = "ecs-tasks.amazonaws.com"
  validation {
    condition     = contains(["ecs-tasks.amazonaws.com", "ec2.amazonaws.com", "pods.eks.amazonaws.com"], var.compute_service_principal)
    error_message = "compute_service_principal must be ecs-tasks.amazonaws.com, ec2.amazonaws.com or pods.eks.amazonaws.com."
  }
}

variable "tags" {
  description = "Extra tags for the role."
  type        = map(string)
  default     = {}
}
