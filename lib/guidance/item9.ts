import { CENTRAL_ROOT_DOC } from "./docs";
import type { CheckGuidance, CliCommand, DocLink } from "./types";

// Item 9 — rotate keys. No command here creates or prints a secret access key.

const ACCESS_KEYS_DOC: DocLink = { title: "Manage access keys for IAM users", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html" };
const UNUSED_DOC: DocLink = { title: "Find unused AWS credentials", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html" };
const ROOT_KEY_DOC: DocLink = { title: "Delete access keys for the root user", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html" };
const BEST_PRACTICES_DOC: DocLink = { title: "Security best practices in IAM", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html" };
const ROTATE_DOC: DocLink = { title: "Rotate access keys", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html" };
const ROLES_ANYWHERE_DOC: DocLink = { title: "What is IAM Roles Anywhere?", url: "https://docs.aws.amazon.com/rolesanywhere/latest/userguide/introduction.html" };
const IDC_DOC: DocLink = { title: "What is IAM Identity Center?", url: "https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html" };

const LIST_KEYS: CliCommand = { description: "List the user's keys with status and creation date (key IDs only)", command: "aws iam list-access-keys --user-name <user-name>" };
const LAST_USED: CliCommand = { description: "See when and where a key was last used", command: "aws iam get-access-key-last-used --access-key-id <access-key-id>" };
const DEACTIVATE: CliCommand = {
  description: "Deactivate a key (reversible: set --status Active to undo)",
  command: "aws iam update-access-key --user-name <user-name> --access-key-id <access-key-id> --status Inactive",
};
const DELETE_KEY: CliCommand = { description: "Delete a key once nothing broke", command: "aws iam delete-access-key --user-name <user-name> --access-key-id <access-key-id>" };

const REPLACE_WITH_ROLES =
  "Where you can, replace the key rather than rotate it: an IAM role for workloads on AWS, IAM Roles Anywhere for servers outside AWS, OIDC federation for CI systems such as GitHub Actions, and IAM Identity Center for people.";

export const ITEM9_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i9.access_key_age",
    summary: "Rotate active IAM user access keys at least every 90 days, or replace them with roles.",
    whyItMatters:
      "Access keys do not expire. The older a key, the more places it has been copied to (laptops, CI variables, config files, old backups) and the more likely it has leaked without anyone noticing. Regular rotation caps how long a leaked key stays useful.",
    howToFix: {
      steps: [
        REPLACE_WITH_ROLES,
        "If the key must stay, open the user from the Tenfold link (Security credentials tab) and choose Create access key; hand the new key straight to the owner's secret store rather than email or chat.",
        "Update every application that uses the old key, then watch the old key's Last used column until it stops changing.",
        "Deactivate the old key and wait a few days; if nothing breaks, delete it.",
        "Rescan the account in Tenfold to confirm no key older than 90 days is active.",
      ],
      cli: [LIST_KEYS, LAST_USED, DEACTIVATE, DELETE_KEY],
    },
    exceptionsAreReasonableWhen:
      "A third-party product that can only take a static key and cannot be reconfigured quickly; record the product, the rotation plan and a short expiry.",
    docs: [ACCESS_KEYS_DOC, ROTATE_DOC, ROLES_ANYWHERE_DOC],
  },
  {
    checkId: "i9.unused_access_keys",
    summary: "Remove access keys and console passwords that have not been used for 45 days.",
    whyItMatters:
      "A credential nobody uses still works for whoever finds it, and nobody will notice it being misused because nobody is watching it. Unused keys and passwords are pure risk with no benefit.",
    howToFix: {
      steps: [
        "Open each listed user from the Tenfold link and look at the Last used information of the key or the console password.",
        "Check with the owner (tags, team) that the credential is truly unused; an annual job may be the exception.",
        "For a key: deactivate it first, wait a week or two, then delete it.",
        "For a console password: choose Manage console access → Disable access.",
        "Remove IAM users that have no credentials left and no purpose.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [LAST_USED, DEACTIVATE, DELETE_KEY, { description: "Remove an unused console password", command: "aws iam delete-login-profile --user-name <user-name>" }],
    },
    exceptionsAreReasonableWhen: "A break-glass credential kept sealed for emergencies, with sign-in alerting; name its custodian.",
    docs: [UNUSED_DOC, ACCESS_KEYS_DOC],
  },
  {
    checkId: "i9.single_active_key",
    summary: "Keep at most one active access key per IAM user; two should only overlap briefly during rotation.",
    whyItMatters:
      "Two active keys on one user usually means a rotation that was started and never finished, so the old key keeps working indefinitely. It also doubles what has to be tracked and protected.",
    howToFix: {
      steps: [
        "Open the user from the Tenfold link and compare the two keys' Last used dates.",
        "Find which one the applications use; if both are used, finish moving everything to the newer one.",
        "Deactivate the other key, wait a few days, then delete it.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [LIST_KEYS, LAST_USED, DEACTIVATE, DELETE_KEY],
    },
    exceptionsAreReasonableWhen: "A rotation is in progress; set the expiry to the day the old key will be deleted.",
    docs: [ACCESS_KEYS_DOC, ROTATE_DOC],
  },
  {
    checkId: "i9.root_access_keys",
    summary: "Delete every access key of the root user.",
    whyItMatters:
      "A root access key gives unrestricted programmatic control over the account, cannot be limited by any IAM policy, and is not protected by MFA. Nothing legitimate needs one; if it leaks, the account is lost.",
    howToFix: {
      steps: [
        "Check first whether anything still uses the key: the credential report shows its last use date and service.",
        "Sign in as the root user, open Security credentials from the account menu, and under Access keys choose Actions → Deactivate for each key.",
        "If nothing breaks after a few days, choose Actions → Delete.",
        "For member accounts with centralized root access, the management account can instead delete root credentials from IAM → Root access management without signing in as root.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Rebuild the credential report", command: "aws iam generate-credential-report" },
        {
          description: "Show the root row (dates and status only, no secrets) to see when its keys were last used",
          command: "aws iam get-credential-report --query Content --output text | base64 --decode | head -n 2",
        },
      ],
    },
    exceptionsAreReasonableWhen: "Never.",
    docs: [ROOT_KEY_DOC, CENTRAL_ROOT_DOC],
  },
  {
    checkId: "i9.long_term_keys_present",
    summary: "Informational: counts IAM users with long-term access keys; the goal is zero, with roles and federation instead.",
    whyItMatters:
      "Even well-rotated keys are long-lived secrets that can be copied. Temporary credentials from roles, Identity Center or federation expire on their own, so there is nothing durable to leak.",
    howToFix: {
      steps: [
        "For each listed user, find out what the key is used for (the key's last used service and Region help).",
        "People: give them IAM Identity Center access and the AWS CLI's SSO sign-in instead of keys.",
        "Workloads on AWS: use an instance profile, task role or Lambda execution role.",
        "CI/CD: use OIDC federation (GitHub Actions, GitLab, Bitbucket) to assume a role.",
        "Servers outside AWS: use IAM Roles Anywhere with certificates from your PKI.",
        "Delete each key once its replacement works, then rescan the account in Tenfold.",
      ],
      cli: [LIST_KEYS, LAST_USED, { description: "Sign in to the CLI through IAM Identity Center instead of keys", command: "aws configure sso" }],
    },
    exceptionsAreReasonableWhen: "A third-party integration that supports nothing but static keys; keep the key scoped tightly and rotated.",
    docs: [BEST_PRACTICES_DOC, IDC_DOC, ROLES_ANYWHERE_DOC],
  },
];
