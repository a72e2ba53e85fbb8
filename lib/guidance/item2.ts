import { CENTRAL_ROOT_DOC } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 2 — multi-factor authentication.

const ROOT_MFA_DOC: DocLink = { title: "Enable MFA for the root user", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html" };
const MFA_DOC: DocLink = { title: "AWS multi-factor authentication in IAM", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html" };
const ROOT_BP_DOC: DocLink = { title: "Root user best practices", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html" };
const IDC_MFA_DOC: DocLink = { title: "Configure MFA in IAM Identity Center", url: "https://docs.aws.amazon.com/singlesignon/latest/userguide/mfa-getting-started.html" };
const CRED_REPORT_DOC: DocLink = { title: "Generate credential reports", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html" };

const CREDENTIAL_REPORT_CLI = [
  { description: "Ask IAM to (re)build the credential report", command: "aws iam generate-credential-report" },
  {
    description: "Download it as CSV (it lists MFA and key status, never passwords or secret keys)",
    command: "aws iam get-credential-report --query Content --output text | base64 --decode > credential-report.csv",
  },
];

export const ITEM2_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i2.root_mfa",
    summary: "Protect the root user with MFA, or remove its credentials entirely through centralized root access.",
    whyItMatters:
      "The root user can do anything in the account, including closing it and changing its contact and billing details, and no IAM policy can limit it. A root password protected by nothing else can be phished or reset through the root mailbox; MFA is what stands between that and a full takeover.",
    howToFix: {
      steps: [
        "Sign in to the account as the root user (the root email address and its password).",
        "Open the account menu at the top right and choose Security credentials.",
        "Under Multi-factor authentication (MFA), choose Assign MFA device, pick a FIDO2 security key or a hardware TOTP token (an authenticator app satisfies this check but not the hardware-MFA check below), and follow the prompts.",
        "Store the device, or a second registered device, where the named owners of the account can reach it in an emergency.",
        "For member accounts of an organization, consider deleting the root password instead: with centralized root access enabled, go to IAM → Root access management in the management account, select the account and delete its root credentials.",
        "Rescan the account in Tenfold to confirm the check passes.",
      ],
    },
    exceptionsAreReasonableWhen:
      "Never for an account with a root password or root access keys. A member account with no root credentials may carry a short exception while centralized root access is being enabled for the organization.",
    docs: [ROOT_MFA_DOC, CENTRAL_ROOT_DOC, ROOT_BP_DOC],
  },
  {
    checkId: "i2.root_hardware_mfa",
    summary: "Use a hardware MFA device (FIDO2 security key or hardware token) for the root user, not a phone app.",
    whyItMatters:
      "A virtual MFA app lives on a phone that also holds email and chat, can be backed up to the cloud, and leaves with its owner. A dedicated hardware device kept in a known place is harder to copy or lose track of, which matters for the one identity that controls the whole account.",
    howToFix: {
      steps: [
        "Get a FIDO2 security key or a hardware TOTP token for this account; buy two if you want a spare.",
        "Sign in as the root user and open Security credentials from the account menu.",
        "Choose Assign MFA device, select Passkey or security key (or Hardware TOTP token), and register the device.",
        "Once the hardware device works, remove the virtual MFA device from the same list.",
        "Record where the device is kept and who may use it.",
        "Rescan the account in Tenfold; a root user with only hardware devices passes.",
      ],
    },
    exceptionsAreReasonableWhen:
      "A member account whose root credentials are scheduled for deletion through centralized root access, with the deletion date as the expiry.",
    docs: [ROOT_MFA_DOC, { title: "Assign a FIDO security key in IAM", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_fido.html" }],
  },
  {
    checkId: "i2.console_users_mfa",
    summary: "Require MFA for every IAM user that can sign in to the console, or take their console password away.",
    whyItMatters:
      "A console password on its own can be guessed, reused from another breach, or phished. Each listed user can sign in to this account with nothing more than that password.",
    howToFix: {
      steps: [
        "Open each listed user from the Tenfold console link (IAM → Users → the user → Security credentials).",
        "If the person still needs console access, choose Assign MFA device and have them register a security key, passkey or authenticator app during a call, so the enrolment is theirs.",
        "If they no longer need the console (for example a service user), choose Manage console access → Disable access to remove the password.",
        "Better still, move people to IAM Identity Center and delete their IAM users once they sign in through it.",
        "Add an IAM policy that denies actions without MFA if you want enforcement beyond enrolment.",
        "Rescan the account in Tenfold to confirm no user is listed.",
      ],
      cli: [
        { description: "See whether a user has any MFA device", command: "aws iam list-mfa-devices --user-name <user-name>" },
        { description: "Remove the console password of a user who does not need the console", command: "aws iam delete-login-profile --user-name <user-name>" },
        ...CREDENTIAL_REPORT_CLI,
      ],
    },
    exceptionsAreReasonableWhen:
      "A break-glass IAM user whose password is sealed (split custody, alerting on every sign-in) and whose MFA device is stored with it; otherwise none.",
    docs: [MFA_DOC, CRED_REPORT_DOC],
  },
  {
    checkId: "i2.org_root_access_centralized",
    summary: "Turn on centralized root access so member accounts can run without root credentials.",
    whyItMatters:
      "Every member account is created with a root user whose password can be recovered by anyone who controls its root mailbox. Centralized root access lets the management account remove those credentials and carry out the few root-only tasks on demand, so there is nothing left to steal in each account.",
    howToFix: {
      steps: [
        "Sign in to the management account (or the IAM delegated administrator) with administrator rights.",
        "Open IAM → Root access management and choose Enable. This turns on trusted access for IAM in AWS Organizations if it is not already on.",
        "Enable both Root credentials management and Privileged root actions in member accounts.",
        "Review member accounts on the same page and delete root credentials where they exist; new accounts are then created without them.",
        "Rescan in Tenfold; the result is copied to every account of the organization.",
      ],
      cli: [
        { description: "Allow IAM to work with AWS Organizations (management account)", command: "aws organizations enable-aws-service-access --service-principal iam.amazonaws.com" },
        { description: "Turn on root credentials management", command: "aws iam enable-organizations-root-credentials-management" },
        { description: "Turn on privileged root sessions", command: "aws iam enable-organizations-root-sessions" },
        { description: "Confirm which features are on", command: "aws iam list-organizations-features" },
      ],
    },
    exceptionsAreReasonableWhen:
      "The organization is not in all-features mode yet and the migration is planned; set the expiry to the planned date.",
    docs: [CENTRAL_ROOT_DOC, ROOT_BP_DOC],
  },
  {
    checkId: "i2.root_recent_use",
    summary: "Keep the root user for the handful of tasks that need it; recent root sign-ins deserve a look.",
    whyItMatters:
      "Day-to-day work done as root leaves no per-person trail and bypasses every IAM guardrail. Unexplained root activity is also a classic sign of a compromised account.",
    howToFix: {
      steps: [
        "Find out who used the root user and why: check with the account owners and look up the root sign-in events in CloudTrail Event history (filter on the user name root).",
        "If the use was not expected, treat it as an incident: change the root password, check the MFA devices and review recent changes.",
        "If it was a legitimate root-only task, note it in your change log; no further action is needed.",
        "If people use root for routine work, give them IAM Identity Center access with the right permission set instead.",
        "Rescan the account in Tenfold once the configured quiet period (90 days by default) has passed without root use; the warning then clears.",
      ],
      cli: [
        { description: "List recent events recorded for the root user", command: "aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 20" },
        ...CREDENTIAL_REPORT_CLI,
      ],
    },
    exceptionsAreReasonableWhen: "The root use was a documented root-only task (for example changing the account's support plan) and has been reviewed.",
    docs: [ROOT_BP_DOC, { title: "Tasks that require root user credentials", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html" }],
  },
  {
    checkId: "i2.idp_mfa_attested",
    summary: "Attest that people who reach this account through IAM Identity Center or your IdP must use MFA.",
    whyItMatters:
      "Most people reach AWS through single sign-on, so the MFA that counts is the one enforced at sign-in to IAM Identity Center or your identity provider. No AWS API shows that setting, so an owner has to confirm it.",
    howToFix: {
      steps: [
        "If IAM Identity Center uses its own directory: open IAM Identity Center → Settings → Authentication → Multi-factor authentication, choose Configure, require MFA every time users sign in, and require users to register a device at sign-in if they have none.",
        "If Identity Center federates to an external IdP (Okta, Entra ID, Google…): check that the sign-on policy for the AWS application requires MFA for every user, with no bypass group.",
        "For IAM SAML or OIDC providers used directly, check the same policy on the IdP side.",
        "Capture the evidence below and record an attestation on this check in Tenfold.",
      ],
    },
    attestation: {
      statement:
        "Every human sign-in to this account through IAM Identity Center or a federated identity provider requires MFA, with no bypass group or excluded application.",
      evidence: [
        "Screenshot or export of the IAM Identity Center MFA settings, or of the IdP sign-on policy that applies to the AWS application.",
        "The list of exclusions from that policy (ideally empty) and who approved them.",
      ],
    },
    docs: [IDC_MFA_DOC, { title: "Manage identity sources in IAM Identity Center", url: "https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source.html" }],
  },
];
