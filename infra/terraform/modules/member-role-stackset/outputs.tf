output "stack_set_id" {
  value = aws_cloudformation_stack_set.member_role.stack_set_id
}
