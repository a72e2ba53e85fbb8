# Tenfold scanner role: the identity the web and worker containers run as, in the management account, a
# delegated administrator account or an account outside the organisation. SecurityAudit plus the member
# role's additions, because it reads its own account itself; sts:AssumeRole on the member role only.

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

# The member role's additions, for the scanner's own account (the same file the member role uses).
resource "aws_iam_role_policy" "additions" {
  name   = "TenfoldReadOnlyAdditions"
  role   = aws_iam_role.scanner.id
  policy = file("${path.module}/../member-role/member-inline-policy.json")
}
