# The member role in every account of the organisation (and every account that joins later), as a
# service-managed CloudFormation StackSet of ../../../cloudformation/member-role-stackset.yaml.
# Apply from the management account or a StackSets delegated administrator. Service-managed StackSets
# skip the management account: use ../member-role there when the scanner runs in a delegated
# administrator account or outside the organisation (a scanner in the management account needs none).

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 6.0" }
  }
}

resource "aws_cloudformation_stack_set" "member_role" {
  name             = var.stack_set_name
  description      = "Tenfold read-only member role"
  permission_model = "SERVICE_MANAGED"
  call_as          = var.call_as
  capabilities     = ["CAPABILITY_NAMED_IAM"]
  template_body    = file("${path.module}/../../../cloudformation/member-role-stackset.yaml")

  parameters = {
    RoleName            = var.role_name
    ScannerPrincipalArn = var.scanner_principal_arn
    ExternalId          = var.external_id
  }

  auto_deployment {
    enabled                          = true
    retain_stacks_on_account_removal = false
  }

  operation_preferences {
    failure_tolerance_percentage = 10
    max_concurrent_percentage    = 25
    region_concurrency_type      = "PARALLEL"
  }

  lifecycle {
    ignore_changes = [administration_role_arn]
  }
}

# IAM is global: one Region is enough for the role.
resource "aws_cloudformation_stack_set_instance" "member_role" {
  stack_set_name            = aws_cloudformation_stack_set.member_role.name
  call_as                   = var.call_as
  stack_set_instance_region = var.region # provider >= 6 (the provider-level `region` argument took the old name)
  deployment_targets {
    organizational_unit_ids = var.organizational_unit_ids
  }
}
