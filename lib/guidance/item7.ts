import type { CheckGuidance, DocLink } from "./types";

// Item 7 — validate IAM roles.

const ANALYZER_DOC: DocLink = { title: "What is IAM Access Analyzer?", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html" };
const FINDINGS_DOC: DocLink = { title: "Review IAM Access Analyzer findings", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html" };
const LAST_ACCESSED_DOC: DocLink = {
  title: "Refine permissions using last accessed information",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_access-advisor.html",
};
const GETTING_STARTED_DOC: DocLink = { title: "Getting started with IAM Access Analyzer", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html" };
const ARCHIVE_RULES_DOC: DocLink = { title: "Archive rules in IAM Access Analyzer", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-archive-rules.html" };
const UNUSED_DOC: DocLink = { title: "Create an IAM Access Analyzer unused access analyzer", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-unused.html" };
const DELETE_ROLE_DOC: DocLink = { title: "Delete roles or instance profiles", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html" };

export const ITEM7_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i7.access_analyzer_enabled",
    summary: "Run an IAM Access Analyzer (account or organization) in every Region the account uses.",
    whyItMatters:
      "Access Analyzer reads resource policies on buckets, roles, keys, queues and more, and reports anything shared outside your account or organization. Analyzers are regional, so a Region without one is a blind spot where an accidental or malicious share goes unreported.",
    howToFix: {
      steps: [
        "Preferred: in the management account, register a delegated administrator for IAM Access Analyzer (usually the security account), and in that account create an analyzer with the organization as zone of trust in every enabled Region.",
        "For a standalone account, open IAM → Access analyzer in each listed Region (Tenfold link) and choose Create analyzer with the account as zone of trust.",
        "Deploy the analyzers through a StackSet or Terraform so new Regions are covered too.",
        "Rescan the account in Tenfold to confirm every Region passes.",
      ],
      cli: [
        { description: "Create an account analyzer in one Region (repeat per Region)", command: "aws accessanalyzer create-analyzer --analyzer-name <account-analyzer> --type ACCOUNT --region <region>" },
        {
          description: "Create an organization analyzer (delegated administrator account)",
          command: "aws accessanalyzer create-analyzer --analyzer-name <org-analyzer> --type ORGANIZATION --region <region>",
        },
        {
          description: "Register the delegated administrator (management account)",
          command: "aws organizations register-delegated-administrator --account-id <security-account-id> --service-principal access-analyzer.amazonaws.com",
        },
      ],
    },
    exceptionsAreReasonableWhen: "A Region is enabled but blocked for all use by an SCP; disabling the Region is the cleaner fix.",
    docs: [ANALYZER_DOC, GETTING_STARTED_DOC],
  },
  {
    checkId: "i7.external_access_findings",
    summary: "Review every active external-access finding: fix what is unintended, archive what is intended.",
    whyItMatters:
      "Each active finding is a resource that someone outside your account, or the whole internet, can reach. Public findings are the most urgent; cross-account ones are often fine but stay a risk until someone confirms they are intended.",
    howToFix: {
      steps: [
        "Open Access Analyzer findings in the Region from the Tenfold link and select each listed resource.",
        "Read who gets access (the external principal, or public) and which actions.",
        "If the access is not intended, edit the resource policy (bucket policy, role trust policy, key policy…) to remove it; the finding resolves on the next analysis.",
        "If it is intended, choose Archive, and for recurring patterns (for example a trusted partner account) create an archive rule so new findings of that kind are archived automatically.",
        "Rescan the account in Tenfold to confirm no finding remains active.",
      ],
      cli: [
        {
          description: "List active findings for an analyzer",
          command: `aws accessanalyzer list-findings-v2 --analyzer-arn <analyzer-arn> --filter '{"status":{"eq":["ACTIVE"]}}' --region <region>`,
        },
        {
          description: "Archive a finding you have confirmed as intended",
          command: "aws accessanalyzer update-findings --analyzer-arn <analyzer-arn> --ids <finding-id> --status ARCHIVED --region <region>",
        },
        {
          description: "Archive future findings for a trusted partner account automatically",
          command: `aws accessanalyzer create-archive-rule --analyzer-name <analyzer-name> --rule-name <trusted-partner> --filter '{"principal.AWS":{"eq":["<partner-account-id>"]}}' --region <region>`,
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "Archiving a finding is the normal way to record intended access; an exception on the whole check is only reasonable while a fix is in progress, with a near expiry.",
    docs: [FINDINGS_DOC, ARCHIVE_RULES_DOC],
  },
  {
    checkId: "i7.unused_roles",
    summary: "Delete IAM roles that have not been used within the configured period (90 days by default).",
    whyItMatters:
      "Every role is a door with its own trust policy and permissions. Roles nobody uses are rarely reviewed, often trust accounts or vendors that are long gone, and give an attacker quiet ways in or sideways.",
    howToFix: {
      steps: [
        "Open each listed role from the Tenfold link and check Last activity, its trust policy and its tags, to find the owner.",
        "Ask the owner whether it is still needed (some roles are only used during disaster recovery or yearly jobs; note those).",
        "To be safe, first attach an inline policy that denies everything and wait a couple of weeks for complaints.",
        "Then delete the role: IAM removes its policies and instance profile links when you delete it in the console.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "See when the role was last used", command: "aws iam get-role --role-name <role-name> --query Role.RoleLastUsed" },
        {
          description: "Quarantine the role with a deny-all inline policy before deleting it",
          command: `aws iam put-role-policy --role-name <role-name> --policy-name quarantine --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'`,
        },
        { description: "List attached managed policies (detach each before deleting from the CLI)", command: "aws iam list-attached-role-policies --role-name <role-name>" },
        { description: "Detach one managed policy", command: "aws iam detach-role-policy --role-name <role-name> --policy-arn <policy-arn>" },
        { description: "Delete the role once inline policies and instance profile links are removed", command: "aws iam delete-role --role-name <role-name>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "Break-glass, disaster-recovery or yearly audit roles that are rarely used by design; name the purpose and owner, and set the expiry to the next review.",
    docs: [LAST_ACCESSED_DOC, DELETE_ROLE_DOC],
  },
  {
    checkId: "i7.unused_access_analyzer",
    summary: "Optional: run an unused-access analyzer to find unused roles, keys, passwords and permissions continuously.",
    whyItMatters:
      "An unused-access analyzer reports unused roles, access keys, passwords and permissions on its own schedule, across the organization, so clean-up no longer depends on someone running a scan. It is a paid feature, which is why this check is informational.",
    howToFix: {
      steps: [
        "In the Access Analyzer delegated administrator account, open IAM → Access analyzer → Analyzer settings, choose Create analyzer and pick Principal analysis - Unused access. One analyzer covers all Regions for unused access.",
        "Pick the tracking period (for example 90 days) and the organization as zone of trust.",
        "Review the cost estimate, then create it.",
        "Route its findings to the same place as your other findings (Security Hub) and assign owners.",
        "Rescan in Tenfold to confirm.",
      ],
      cli: [
        {
          description: "Create an organization unused-access analyzer with a 90-day window",
          command: `aws accessanalyzer create-analyzer --analyzer-name <unused-access> --type ORGANIZATION_UNUSED_ACCESS --configuration '{"unusedAccess":{"unusedAccessAge":90}}' --region <region>`,
        },
      ],
    },
    exceptionsAreReasonableWhen: "The organization has decided not to pay for the feature and relies on Tenfold's unused-role and unused-key checks instead.",
    docs: [ANALYZER_DOC, UNUSED_DOC],
  },
];
