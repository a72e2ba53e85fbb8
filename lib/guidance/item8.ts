import type { CheckGuidance, DocLink } from "./types";

// Item 8 — take action on findings.

const SH_SETUP_DOC: DocLink = { title: "Enabling Security Hub", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html" };
const GD_SETUP_DOC: DocLink = { title: "Getting started with GuardDuty", url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html" };
const GD_SEVERITY_DOC: DocLink = { title: "Severity levels of GuardDuty findings", url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html" };
const SH_FINDINGS_DOC: DocLink = { title: "Findings in Security Hub", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings.html" };
const SH_EVENTS_DOC: DocLink = {
  title: "Using EventBridge for automated response and remediation",
  url: "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cloudwatch-events.html",
};
const SH_CENTRAL_DOC: DocLink = { title: "Central configuration in Security Hub", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html" };
const GD_ORG_DOC: DocLink = { title: "Managing GuardDuty accounts with AWS Organizations", url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html" };
const GD_SUPPRESS_DOC: DocLink = { title: "Suppression rules in GuardDuty", url: "https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html" };
const SH_AUTOMATION_DOC: DocLink = { title: "Automation rules in Security Hub", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/automation-rules.html" };

const slaSteps = (service: string, where: string): string[] => [
  `Open the listed findings from the Tenfold links (${where}) and sort by age; the oldest past the SLA come first.`,
  "For each finding, assign an owner and decide: fix the underlying resource, or, if the finding is expected, suppress it with a documented rule.",
  "Fix the cause (patch, close the port, rotate the credential, remove the public grant…) and check the finding moves to resolved or archived.",
  `If a finding is a false positive or an accepted risk, record why in ${service} (a note, workflow status or suppression rule) and, in Tenfold, an exception with an expiry.`,
  "Tenfold reads at most TENFOLD_MAX_FINDING_PAGES pages of findings, oldest first, and reads the critical ones again on their own when that cap is reached, so a long backlog shows as \"≥ N\" but never hides an overdue finding. If findings could not be read in age order, the check says unknown rather than a warning it cannot back.",
  "Rescan the account in Tenfold; the check passes once nothing critical or high is older than the SLA (by default 7 days for critical, 30 for high).",
];

export const ITEM8_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i8.securityhub_enabled",
    summary: "Turn on Security Hub with at least one security standard in every Region the account uses.",
    whyItMatters:
      "Security Hub runs hundreds of configuration checks against your standards and gathers findings from GuardDuty, Inspector, Macie and Access Analyzer in one place. Without it, each finding lives in its own console and misconfigurations go unnoticed.",
    howToFix: {
      steps: [
        "Preferred: in the management account, make the security account the Security Hub delegated administrator and use central configuration to enable Security Hub, with AWS Foundational Security Best Practices, in every account and Region.",
        "For a single account, open Security Hub (shown as Security Hub CSPM in newer consoles) in each listed Region and enable it, keeping the default standards selected.",
        "If Security Hub is on but no standard is enabled, open Security standards and enable AWS Foundational Security Best Practices (and CIS if you follow it).",
        "Turn on cross-Region aggregation in the administrator account so findings land in one home Region.",
        "Rescan the account in Tenfold to confirm every Region passes.",
      ],
      cli: [
        { description: "Enable Security Hub with the default standards in a Region", command: "aws securityhub enable-security-hub --enable-default-standards --region <region>" },
        {
          description: "Enable a standard where the hub is already on",
          command: "aws securityhub batch-enable-standards --standards-subscription-requests StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0 --region <region>",
        },
        { description: "Make the security account the administrator (management account)", command: "aws securityhub enable-organization-admin-account --admin-account-id <security-account-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "A Region is enabled but blocked for all use by an SCP; disabling the Region is the cleaner fix.",
    docs: [SH_SETUP_DOC, SH_CENTRAL_DOC],
  },
  {
    checkId: "i8.guardduty_enabled",
    summary: "Turn on GuardDuty in every Region the account uses, and resume suspended detectors.",
    whyItMatters:
      "GuardDuty watches CloudTrail, VPC flow and DNS activity for signs of compromise such as stolen credentials in use, crypto-mining and calls from known malicious hosts. Threats in a Region where it is off raise no alarm at all.",
    howToFix: {
      steps: [
        "Preferred: make the security account the GuardDuty delegated administrator and set auto-enable for all member accounts, in every Region.",
        "For a single account, open GuardDuty in each listed Region and choose Get started → Enable GuardDuty.",
        "If the detector is suspended, open GuardDuty → Settings in that Region and re-enable it.",
        "Decide which protection plans (S3, EKS, Malware, RDS, Lambda, Runtime) fit the account.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Create an enabled detector in a Region", command: "aws guardduty create-detector --enable --region <region>" },
        { description: "Resume a suspended detector", command: "aws guardduty update-detector --detector-id <detector-id> --enable --region <region>" },
        { description: "Make the security account the administrator (management account)", command: "aws guardduty enable-organization-admin-account --admin-account-id <security-account-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "A Region is enabled but blocked for all use by an SCP; disabling the Region is the cleaner fix.",
    docs: [GD_SETUP_DOC, GD_ORG_DOC],
  },
  {
    checkId: "i8.guardduty_findings_sla",
    summary: "Handle GuardDuty high and critical findings within the SLA: fix, or archive with a reason.",
    whyItMatters:
      "A high-severity GuardDuty finding usually means something is actively wrong: a compromised instance, credentials used from an unusual place, data being pulled out. Findings left open for weeks mean detection works but nobody responds.",
    howToFix: {
      steps: slaSteps("GuardDuty", "GuardDuty → Findings in the finding's Region"),
      cli: [
        {
          description: "List open findings of severity 7 or more",
          command: `aws guardduty list-findings --detector-id <detector-id> --finding-criteria '{"Criterion":{"severity":{"Gte":7},"service.archived":{"Eq":["false"]}}}' --region <region>`,
        },
        { description: "Archive a finding once handled", command: "aws guardduty archive-findings --detector-id <detector-id> --finding-ids <finding-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "Expected activity that GuardDuty cannot know about (for example an approved penetration test); use a suppression rule scoped to it, and a Tenfold exception that ends with the test.",
    docs: [GD_SEVERITY_DOC, GD_SUPPRESS_DOC],
  },
  {
    checkId: "i8.securityhub_findings_sla",
    summary: "Handle Security Hub critical and high findings within the SLA.",
    whyItMatters:
      "Critical and high Security Hub findings are the configuration problems and threats most likely to be exploited. A backlog that keeps growing shows the signal is there but nobody owns it, which is the gap this item is about.",
    howToFix: {
      steps: slaSteps("Security Hub", "Security Hub → Findings, filtered on this account"),
      cli: [
        {
          description: "List new critical findings for the account",
          command: `aws securityhub get-findings --filters '{"AwsAccountId":[{"Value":"<account-id>","Comparison":"EQUALS"}],"SeverityLabel":[{"Value":"CRITICAL","Comparison":"EQUALS"}],"WorkflowStatus":[{"Value":"NEW","Comparison":"EQUALS"}],"RecordState":[{"Value":"ACTIVE","Comparison":"EQUALS"}]}' --max-items 20 --region <region>`,
        },
        {
          description: "Record the decision on a finding (workflow status and a note)",
          command: `aws securityhub batch-update-findings --finding-identifiers Id=<finding-id>,ProductArn=<product-arn> --workflow Status=SUPPRESSED --note Text="<reason>",UpdatedBy=<your-name> --region <region>`,
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "A control that does not fit the account (for example a logging control on a throwaway sandbox); disable the control for that account in Security Hub rather than leaving findings open.",
    docs: [SH_FINDINGS_DOC, SH_AUTOMATION_DOC],
  },
  {
    checkId: "i8.findings_automation",
    summary: "Send Security Hub or GuardDuty findings somewhere automatically: a ticket, a chat channel, or a remediation.",
    whyItMatters:
      "Findings that only appear in a console depend on someone remembering to look. An EventBridge rule or a Security Hub automation rule makes sure new findings reach a person or a runbook within minutes.",
    howToFix: {
      steps: [
        "Decide where findings should go: an SNS topic for email or chat, your ticketing system, or a Lambda or Systems Manager runbook for well-understood fixes.",
        "In the Security Hub administrator account (or this account), open EventBridge → Rules → Create rule on the default event bus.",
        "Use an event pattern with source aws.securityhub and detail-type Security Hub Findings - Imported (or source aws.guardduty and detail-type GuardDuty Finding), filtered to the severities you care about.",
        "Add the target and save; trigger a sample finding to test the path end to end.",
        "Optionally add Security Hub automation rules to set severity or workflow status on known patterns.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        {
          description: "Create a rule for critical and high Security Hub findings",
          command: `aws events put-rule --name securityhub-critical-high --event-pattern '{"source":["aws.securityhub"],"detail-type":["Security Hub Findings - Imported"],"detail":{"findings":{"Severity":{"Label":["CRITICAL","HIGH"]}}}}' --region <region>`,
        },
        {
          description: "Create a rule for GuardDuty findings of severity 7 and above",
          command: `aws events put-rule --name guardduty-high --event-pattern '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}' --region <region>`,
        },
        { description: "Send matches to an SNS topic", command: "aws events put-targets --rule <rule-name> --targets Id=notify,Arn=<sns-topic-arn> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "Findings are pulled by an external SIEM or SOAR tool through the API; name the tool and who watches it.",
    docs: [SH_EVENTS_DOC, SH_AUTOMATION_DOC],
  },
];
