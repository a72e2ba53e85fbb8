import { S3_BPA_DOC, blogItem } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 5 — intentional data policies.

const BPA_ACCOUNT_DOC: DocLink = {
  title: "Configuring Block Public Access settings for your account",
  url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html",
};
const ORG_TAGGING_DOC: DocLink = { title: "Tagging AWS Organizations resources", url: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_tagging.html" };
const KEY_POLICY_DOC: DocLink = { title: "Key policies in AWS KMS", url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html" };
const MACIE_DOC: DocLink = { title: "What is Amazon Macie?", url: "https://docs.aws.amazon.com/macie/latest/user/what-is-macie.html" };
const KMS_BP_DOC: DocLink = { title: "AWS KMS security best practices", url: "https://docs.aws.amazon.com/kms/latest/developerguide/best-practices.html" };
const CLOUDFRONT_OAC_DOC: DocLink = {
  title: "Restrict access to an Amazon S3 origin with CloudFront",
  url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
};
const BLOG_5 = blogItem(5);
const ALL_FOUR = "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true";

export const ITEM5_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i5.account_s3_bpa",
    summary: "Turn on all four S3 Block Public Access settings for the whole account.",
    whyItMatters:
      "Account-level Block Public Access overrides any bucket policy or ACL that would make data public, including on buckets created tomorrow. It is the single setting that turns a misconfigured bucket from a data leak into a non-event.",
    howToFix: {
      steps: [
        "Check whether any bucket in the account is meant to be public (the next check lists public buckets). Public data belongs in a separate account classified public; move it there first, or serve it through CloudFront with origin access control.",
        "Open S3 → Block Public Access settings for this account from the Tenfold link and choose Edit.",
        "Tick Block all public access (all four settings), save, and confirm.",
        "Prevent it being switched off again with an SCP that denies s3:PutAccountPublicAccessBlock outside your platform role.",
        "Rescan the account in Tenfold to confirm the check passes.",
      ],
      cli: [
        { description: "Turn on all four settings for the account", command: `aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration ${ALL_FOUR}` },
        { description: "Read the current setting", command: "aws s3control get-public-access-block --account-id <account-id>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "Not needed for the designated public-data account: tag it as public and the check is skipped. Elsewhere, only during a dated migration of public data to that account.",
    docs: [S3_BPA_DOC, BPA_ACCOUNT_DOC, CLOUDFRONT_OAC_DOC],
  },
  {
    checkId: "i5.public_buckets_intentional",
    summary: "Keep public S3 buckets only in the account set aside for public data; close the rest.",
    whyItMatters:
      "Publicly readable buckets are one of the most common causes of cloud data breaches, usually through a policy or ACL granted for a quick test. Keeping public data in one account built for it means every other account can simply forbid public access.",
    howToFix: {
      steps: [
        "Open each listed bucket from the Tenfold link (Permissions tab) and find what makes it public: the bucket policy (a Principal of * without conditions) or an ACL grant to Everyone or Authenticated users.",
        "Ask the owner whether anyone outside the organization must read the data. If so, move it to the public-data account, or serve it through CloudFront with origin access control so the bucket itself stays private.",
        "If not, remove the public statement from the bucket policy or the public ACL grant, then turn on Block Public Access for the bucket.",
        "In the account classified public, public reading is expected, but public writing is not: Tenfold warns when an ACL grants Everyone WRITE or FULL_CONTROL, or when a bucket policy allows any s3:Put action (objects, ACLs, tags, the policy itself) to everyone without a condition. Remove those grants and let uploads go through an authenticated path such as presigned URLs.",
        "Once no public buckets remain, turn on account-level Block Public Access (previous check).",
        "Rescan the account in Tenfold to confirm no bucket is listed.",
      ],
      cli: [
        { description: "Ask S3 whether the bucket policy makes it public", command: "aws s3api get-bucket-policy-status --bucket <bucket-name>" },
        { description: "Block public access on the bucket", command: `aws s3api put-public-access-block --bucket <bucket-name> --public-access-block-configuration ${ALL_FOUR}` },
        { description: "Reset the bucket ACL to owner-only", command: "aws s3api put-bucket-acl --bucket <bucket-name> --acl private" },
      ],
    },
    exceptionsAreReasonableWhen:
      "A bucket that must be public while its move to the public-data account is under way; record the target account and date.",
    docs: [S3_BPA_DOC, CLOUDFRONT_OAC_DOC],
  },
  {
    checkId: "i5.classification_tagged",
    summary: "Tag the account in AWS Organizations with its data classification (for example public, internal, confidential, restricted).",
    whyItMatters:
      "Controls should match the sensitivity of what an account holds; without a recorded classification nobody can tell whether a public bucket is intended or a leak. The tag also drives Tenfold's public-data account logic and lets you target stricter policies at sensitive accounts.",
    howToFix: {
      steps: [
        "Agree the account's classification with its owner, using your organization's classification policy.",
        "In the management account, open AWS Organizations → AWS accounts → this account (Tenfold link) → Tags → Manage tags.",
        "Add the classification tag (by default data-classification) with one of the allowed values, and save.",
        "Optionally add a tag policy so only allowed values can be used.",
        "Rescan in Tenfold to confirm.",
      ],
      cli: [
        { description: "Tag the account (run in the management account)", command: "aws organizations tag-resource --resource-id <account-id> --tags Key=data-classification,Value=<internal>" },
        { description: "Read the account's tags", command: "aws organizations list-tags-for-resource --resource-id <account-id>" },
      ],
    },
    exceptionsAreReasonableWhen: "The account is being closed; record the closure date.",
    docs: [ORG_TAGGING_DOC, { title: "Tag policies", url: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html" }],
  },
  {
    checkId: "i5.kms_key_not_public",
    summary: "Remove key policy statements that let any AWS principal use a KMS key without a limiting condition.",
    whyItMatters:
      "A key policy that allows Principal * lets any AWS account in the world call the allowed KMS actions on the key, which can mean decrypting your data or burning through your request quota. Encryption is only as private as the key that protects it.",
    howToFix: {
      steps: [
        "Open the key from the Tenfold link and choose Key policy → Edit (switch to policy view).",
        "Find the statement with \"Principal\": \"*\" or {\"AWS\": \"*\"}.",
        "Replace the wildcard with the specific accounts or roles that need the key, or add a condition such as aws:PrincipalOrgID equal to your organization ID.",
        "Save, and test that the intended users and services still work.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Save the current key policy to a file (a policy, not key material)", command: "aws kms get-key-policy --key-id <key-id> --policy-name default --output text --region <region> > key-policy.json" },
        { description: "Upload the corrected policy", command: "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "Never for Principal * without conditions. Narrow the policy instead.",
    docs: [KEY_POLICY_DOC, KMS_BP_DOC],
  },
  {
    checkId: "i5.kms_encrypt_decrypt_separated",
    summary: "Give encrypting and decrypting to different roles, and avoid kms:Decrypt on every key.",
    whyItMatters:
      "When the role that writes data can also read it back, one compromised workload exposes everything it ever stored. Splitting encrypt and decrypt between roles narrows each role's blast radius, and failed decrypt calls from the wrong role become a clear signal to alert on.",
    howToFix: {
      steps: [
        "Open each listed key policy or IAM policy from Tenfold and see which principal holds both an encrypt-side action and kms:Decrypt. Encrypt-side means kms:Encrypt, any of the four GenerateDataKey actions (including the key-pair ones without plaintext) or either ReEncrypt action, whether named one by one or through a wildcard.",
        "If the check is unknown, Tenfold could not read something it needs: a key policy (kms:GetKeyPolicy), the key list of a Region, or the account's IAM policies. The reason names which and where. A key policy that the scanning role cannot read usually lacks the default statement that lets IAM policies in the account apply; restore it, or grant the Tenfold role kms:GetKeyPolicy on that key. A warning found elsewhere is still shown while part of the account is unreadable.",
        "Create or pick separate roles: a producer role allowed to encrypt and generate data keys, and a consumer role allowed to decrypt.",
        "Replace Resource \"*\" with the ARNs of the specific keys in IAM policies that grant kms:Decrypt.",
        "Add a CloudWatch alarm or EventBridge rule on AccessDenied decrypt attempts against sensitive keys.",
        "Rescan the account in Tenfold to confirm the warning clears.",
      ],
      cli: [
        { description: "Find where a managed policy is attached before changing it", command: "aws iam list-entities-for-policy --policy-arn <policy-arn>" },
        { description: "Publish a corrected version of a customer managed policy", command: "aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://<policy>.json --set-as-default" },
      ],
    },
    exceptionsAreReasonableWhen:
      "A workload that legitimately reads back what it writes (for example an application encrypting its own session data) and whose key is used for nothing else; name the key in the exception.",
    docs: [BLOG_5, KMS_BP_DOC, KEY_POLICY_DOC],
  },
  {
    checkId: "i5.macie_enabled",
    summary: "Turn on Amazon Macie to discover sensitive data in S3 buckets.",
    whyItMatters:
      "Classification on paper drifts from what is actually stored. Macie samples bucket contents for personal and financial data and credentials, so you learn where sensitive data sits before someone else does.",
    howToFix: {
      steps: [
        "Decide whether to manage Macie centrally: in the management account, designate a Macie delegated administrator and auto-enable member accounts.",
        "Otherwise open Amazon Macie in this account in each Region you use, and choose Get started → Enable Macie. Tenfold looks at the home Region and at every Region that holds buckets, so those are the ones that count.",
        "Turn on automated sensitive data discovery and review its cost estimate.",
        "If the check is unknown with AccessDenied, the Tenfold role lacks macie2:GetMacieSession (SecurityAudit does not include it): redeploy the member-role template, whose inline policy adds it.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Enable Macie in a Region", command: "aws macie2 enable-macie --region <region>" },
        { description: "Delegate Macie administration to the security account (run in the management account)", command: "aws macie2 enable-organization-admin-account --admin-account-id <security-account-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "The account stores no data in S3, or another data-discovery tool covers it; name the tool.",
    docs: [MACIE_DOC],
  },
  {
    checkId: "i5.classification_attested",
    summary: "Attest that a data-classification policy applies to this account and that public data lives only in public accounts.",
    whyItMatters:
      "Tags and settings show what was configured, not whether the people storing data follow a written policy. This attestation closes that gap and gives reviewers someone to ask.",
    howToFix: {
      steps: [
        "Find your organization's data-classification policy, or write a short one: levels, examples, and which controls each level needs.",
        "Check that the account's classification tag matches what it actually stores.",
        "Confirm that data meant for the public is kept only in the account designated for public data.",
        "Record an attestation on this check in Tenfold with the evidence below.",
      ],
    },
    attestation: {
      statement:
        "This account is covered by the organization's data-classification policy, its classification tag matches the data it holds, and any public data is kept only in an account classified public.",
      evidence: [
        "Link to the data-classification policy (and its version or date).",
        "Short inventory of the account's data stores with their classification, or a link to the data catalogue entry.",
      ],
    },
    docs: [BLOG_5, ORG_TAGGING_DOC],
  },
];
