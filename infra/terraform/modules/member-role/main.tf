# Tenfold read-only member role in one account: SecurityAudit plus the two read actions of
# checks.md §16, assumable only by the scanner principal with the ExternalId.
# For every account of the organisation at once, see ../member-role-stackset; this module is for the
# management account when the scanner runs elsewhere (a delegated administrator, or outside).

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "TenfoldScannerOnly"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.scanner_principal_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalArn"
      values   = [var.scanner_principal_arn]
    }
  }
}

resource "aws_iam_role" "tenfold" {
  name                 = var.role_name
  description          = "Read-only role Tenfold's scanner assumes to score this account on AWS's top 10 security items."
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = 3600
  tags                 = merge(var.tags, { "managed-by" = "tenfold" })
}

resource "aws_iam_role_policy_attachment" "security_audit" {
  role       = aws_iam_role.tenfold.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/SecurityAudit"
}

resource "aws_iam_role_policy" "additions" {
  name   = "TenfoldReadOnlyAdditions"
  role   = aws_iam_role.tenfold.id
  policy = file("${path.module}/member-inline-policy.json")
}
