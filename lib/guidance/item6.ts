import { S3_BPA_DOC } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 6 — centralized CloudTrail.

const ORG_TRAIL_DOC: DocLink = { title: "Creating a trail for an organization", url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html" };
const LOG_ARCHIVE_DOC: DocLink = {
  title: "AWS Security Reference Architecture: Log Archive account",
  url: "https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html",
};
const VALIDATION_DOC: DocLink = {
  title: "Validating CloudTrail log file integrity",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
};
const KMS_TRAIL_DOC: DocLink = {
  title: "Encrypting CloudTrail log files with AWS KMS keys",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
};
const OBJECT_LOCK_DOC: DocLink = { title: "Locking objects with Object Lock", url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html" };
const SCP_DOC: DocLink = { title: "Service control policies (SCPs)", url: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html" };
const TRAIL_BUCKET_POLICY_DOC: DocLink = {
  title: "Amazon S3 bucket policy for CloudTrail",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
};

export const ITEM6_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i6.trail_all_regions_logging",
    summary: "Make sure a multi-Region trail (ideally the organization trail) is logging all management events, read and write.",
    whyItMatters:
      "CloudTrail is the record of who did what in the account. Without a trail covering every Region and every management call, an attacker working in an unused Region, or activity that only reads data, leaves nothing to investigate afterwards.",
    howToFix: {
      steps: [
        "Prefer one organization trail created in the management account (or the CloudTrail delegated administrator): it covers every member account automatically and members cannot switch it off.",
        "In CloudTrail → Trails, choose Create trail, tick Enable for all accounts in my organization, and deliver to a bucket in the Log Archive account.",
        "Under Choose log events, select Management events with both Read and Write activity.",
        "If the trail exists but the check warns, open it from the Tenfold link, edit Management events and select both Read and Write.",
        "If it exists but is stopped, choose Start logging.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        {
          description: "Create an organization trail (management account or delegated administrator)",
          command: "aws cloudtrail create-trail --name <org-trail> --s3-bucket-name <log-archive-bucket> --is-multi-region-trail --is-organization-trail --enable-log-file-validation --kms-key-id <kms-key-arn>",
        },
        { description: "Start delivering events", command: "aws cloudtrail start-logging --name <org-trail>" },
        {
          description: "Record read and write management events",
          command: `aws cloudtrail put-event-selectors --trail-name <trail-name> --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'`,
        },
        { description: "Check that the trail is logging", command: "aws cloudtrail get-trail-status --name <trail-arn>" },
      ],
    },
    exceptionsAreReasonableWhen: "Never for production accounts. A sandbox about to be closed may be excepted until its closure date.",
    docs: [ORG_TRAIL_DOC, { title: "Working with CloudTrail trails", url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trails.html" }],
  },
  {
    checkId: "i6.trail_centralized",
    summary: "Deliver the trail's logs to a bucket in a dedicated Log Archive account, not the account being logged.",
    whyItMatters:
      "Logs stored in the same account as the activity they record can be deleted by whoever compromised that account, exactly when you need them. A separate Log Archive account with tight access keeps the evidence out of reach of the workloads it describes.",
    howToFix: {
      steps: [
        "If the organization has no Log Archive account yet, create one (AWS Control Tower sets one up for you) and restrict who can sign in to it.",
        "Create the log bucket there, with a bucket policy that lets CloudTrail write for your organization's accounts.",
        "Replace per-account trails with one organization trail that delivers to that bucket, or point the existing trail at it in the trail's Storage location settings.",
        "Once the organization trail covers the account, delete the local trail to avoid paying twice.",
        "A bucket in some other member account only earns a warning until Tenfold knows that account is the Log Archive: set TENFOLD_LOG_ARCHIVE_ACCOUNT_ID, or let Tenfold infer it from the organization trail's bucket.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Point an existing trail at the Log Archive bucket", command: "aws cloudtrail update-trail --name <trail-name> --s3-bucket-name <log-archive-bucket>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "The account is standalone (outside any organization) and has no second account to hold logs; record the plan to join the organization.",
    docs: [LOG_ARCHIVE_DOC, ORG_TRAIL_DOC, TRAIL_BUCKET_POLICY_DOC],
  },
  {
    checkId: "i6.log_file_validation",
    summary: "Turn on log file integrity validation on the trail.",
    whyItMatters:
      "With validation on, CloudTrail signs a digest of every log file, so you can prove later that no log was altered or removed. Without it, tampered logs are hard to detect and weaker as evidence.",
    howToFix: {
      steps: [
        "Open the trail from the Tenfold link (in the account that owns it, usually the management account for an organization trail).",
        "Edit General details, expand Additional settings, and tick Log file validation.",
        "Save.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Turn validation on", command: "aws cloudtrail update-trail --name <trail-name> --enable-log-file-validation" },
        { description: "Validate delivered logs for a period", command: "aws cloudtrail validate-logs --trail-arn <trail-arn> --start-time <YYYY-MM-DDThh:mm:ssZ>" },
      ],
    },
    exceptionsAreReasonableWhen: "Rarely; it costs nothing extra. Only while a replacement trail with validation is being rolled out.",
    docs: [VALIDATION_DOC],
  },
  {
    checkId: "i6.kms_encryption",
    summary: "Encrypt the trail's log files with a customer managed KMS key.",
    whyItMatters:
      "Logs are encrypted at rest by default, but with a KMS key you decide who may decrypt them, separately from who can read the bucket, and every decryption is itself logged. That keeps sensitive details in the logs away from anyone who merely gains bucket access.",
    howToFix: {
      steps: [
        "Create a symmetric KMS key (in the Log Archive or security account) whose key policy lets CloudTrail encrypt for your organization's trails and lets only the security team decrypt.",
        "Open the trail from the Tenfold link, edit General details, and enable SSE-KMS encryption with that key.",
        "Check that people and tools that read the logs (SIEM, Athena) have kms:Decrypt on the key.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [{ description: "Switch the trail to the KMS key", command: "aws cloudtrail update-trail --name <trail-name> --kms-key-id <kms-key-arn>" }],
    },
    exceptionsAreReasonableWhen: "The log bucket already enforces SSE-KMS as its default encryption with a tightly held key; note that key in the exception.",
    docs: [KMS_TRAIL_DOC, { title: "AWS KMS key policy for CloudTrail", url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html" }],
  },
  {
    checkId: "i6.log_bucket_deletion_protected",
    summary: "Protect the log bucket from deletion with S3 Object Lock and a default retention period.",
    whyItMatters:
      "An attacker with enough access, or a careless lifecycle rule, can erase the logs that would show what happened. Object Lock makes each log file undeletable for the retention period, even by administrators in compliance mode.",
    howToFix: {
      steps: [
        "Work in the Log Archive account that owns the bucket (the Tenfold link opens it).",
        "Make sure versioning is enabled on the bucket (Object Lock requires it).",
        "Under Properties → Object Lock, choose Edit, enable Object Lock, and set a default retention: Governance mode to start with, Compliance mode once the period is agreed, for as many days as your retention policy requires.",
        "Where Object Lock cannot be turned on yet, a bucket policy earns a warning (not a pass) only if one Deny for every principal except a break-glass role covers all three ways to lose logs: s3:DeleteObject and s3:DeleteObjectVersion, s3:PutLifecycleConfiguration (an expiry rule deletes too) and s3:PutBucketPolicy (or the Deny itself can be removed). Exempt the break-glass role with NotPrincipal or an ArnNotLike / StringNotEquals condition on aws:PrincipalArn; a Deny aimed at named principals, or narrowed by any other condition, does not count.",
        "If the check is unknown, the Log Archive role could not read the Object Lock configuration (s3:GetBucketObjectLockConfiguration): without it Tenfold cannot tell a locked bucket from an unlocked one, whatever else protects it.",
        "Rescan in Tenfold to confirm.",
      ],
      cli: [
        { description: "Enable versioning", command: "aws s3api put-bucket-versioning --bucket <log-bucket> --versioning-configuration Status=Enabled" },
        {
          description: "Enable Object Lock with a default retention",
          command: `aws s3api put-object-lock-configuration --bucket <log-bucket> --object-lock-configuration '{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":365}}}'`,
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "Logs are copied within hours to an immutable store elsewhere (for example a SIEM with its own retention guarantees); name that store in the exception.",
    docs: [OBJECT_LOCK_DOC, LOG_ARCHIVE_DOC],
  },
  {
    checkId: "i6.log_bucket_not_public",
    summary: "Make sure the CloudTrail log bucket is not publicly readable.",
    whyItMatters:
      "CloudTrail logs describe your accounts in detail: identities, resource names, IP addresses and API patterns. A public log bucket hands an attacker a map of the environment.",
    howToFix: {
      steps: [
        "Open the bucket from the Tenfold link (in the Log Archive account) and go to Permissions.",
        "Remove any bucket policy statement that allows Principal * without conditions, and any ACL grant to Everyone or Authenticated users.",
        "Turn on Block public access for the bucket, keeping CloudTrail's write permission in the bucket policy.",
        "Rescan in Tenfold to confirm.",
      ],
      cli: [
        { description: "Block public access on the log bucket", command: "aws s3api put-public-access-block --bucket <log-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true" },
        { description: "Confirm S3 no longer sees the policy as public", command: "aws s3api get-bucket-policy-status --bucket <log-bucket>" },
      ],
    },
    exceptionsAreReasonableWhen: "Never.",
    docs: [S3_BPA_DOC, TRAIL_BUCKET_POLICY_DOC],
  },
  {
    checkId: "i6.trail_tamper_protected",
    summary: "Make sure nobody in the account can stop or delete the trail: use an organization trail or an SCP.",
    whyItMatters:
      "Turning off logging is one of the first things an intruder does. An organization trail cannot be changed from member accounts, and an SCP denying the CloudTrail stop and delete actions protects local trails; without either, anyone with enough IAM rights can go dark.",
    howToFix: {
      steps: [
        "Best: cover the account with an organization trail (see the first check of this item). Member accounts cannot stop or delete it.",
        "Otherwise, in the management account open AWS Organizations → Policies → Service control policies, and create a policy that denies cloudtrail:StopLogging, cloudtrail:DeleteTrail, cloudtrail:UpdateTrail and cloudtrail:PutEventSelectors, with an exception for your platform administration role.",
        "Attach it to the root or to the OUs that hold the accounts.",
        "The management account is never restricted by SCPs, so protect it with the organization trail.",
        "Rescan in Tenfold; the result is copied to every account of the organization.",
      ],
      cli: [
        {
          description: "Create the SCP from a JSON file holding the Deny statement",
          command: `aws organizations create-policy --name deny-cloudtrail-tampering --type SERVICE_CONTROL_POLICY --description "Protect CloudTrail" --content file://deny-cloudtrail-tampering.json`,
        },
        { description: "Attach it to the organization root or an OU", command: "aws organizations attach-policy --policy-id <policy-id> --target-id <root-or-ou-id>" },
      ],
    },
    exceptionsAreReasonableWhen: "The account is standalone (no organization); record the plan to join one.",
    docs: [SCP_DOC, ORG_TRAIL_DOC],
  },
];
