# Tenfold scanner role in the management (or delegated administrator) account: the identity the web
# and worker containers run as. SecurityAudit for the organisation-level reads; sts:AssumeRole on the
# Tenfold member role only.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "TenfoldCompute"
    effect  = "Allow"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = [var.compute_service_principal]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scanner" {
  name                 = var.scanner_role_name
  description          = "Identity of Tenfold's scan workers; assumes the Tenfold member role in each account."
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = merge(var.tags, { "managed-by" = "tenfold" })
}

resource "aws_iam_role_policy_attachment" "security_audit" {
  role       = aws_iam_role.scanner.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"
}

resource "aws_iam_role_policy" "assume_member_role" {
  name = "TenfoldAssumeMemberRole"
  role = aws_iam_role.scanner.id
  policy = templatefile("${path.module}/scanner-policy.json.tftpl", {
    partition        = data.aws_partition.current.partition
    member_role_name = var.member_role_name
  })
}
