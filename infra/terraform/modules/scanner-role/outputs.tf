output "role_arn" {
  description = "Pass this as scanner_principal_arn to the member-role modules."
  value       = aws_iam_role.scanner.arn
}
