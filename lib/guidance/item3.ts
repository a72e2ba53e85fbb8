import { blogItem } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 3 — no hard-coded secrets. Commands here never read back the values being moved; those whose
// answer echoes the old configuration carry a --query that keeps only an ARN.

const SM_LAMBDA_DOC: DocLink = {
  title: "Use Secrets Manager secrets in Lambda functions",
  url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html",
};
const ECS_SECRETS_DOC: DocLink = {
  title: "Pass sensitive data to an Amazon ECS container",
  url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
};
const USER_DATA_DOC: DocLink = { title: "Run commands when you launch an EC2 instance with user data", url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html" };
const BUILDSPEC_DOC: DocLink = { title: "Build specification reference for CodeBuild", url: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html" };
const ROTATION_DOC: DocLink = { title: "Rotate AWS Secrets Manager secrets", url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html" };
const SM_INTRO_DOC: DocLink = { title: "What is AWS Secrets Manager?", url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html" };
const PARAMETER_STORE_DOC: DocLink = {
  title: "AWS Systems Manager Parameter Store",
  url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html",
};
const EC2_ROLE_DOC: DocLink = { title: "IAM roles for Amazon EC2", url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html" };

const CREATE_SECRET = {
  description: "Store the value in Secrets Manager, reading it from a local file you delete afterwards (the value never appears on the command line or in shell history)",
  command: "aws secretsmanager create-secret --name <app/env/db-password> --secret-string file://<path-to-value-file>",
};

const ROTATE_FIRST =
  "Treat the exposed value as compromised: anyone with read access to the configuration could see it. Rotate it at its source (database password, API token, key) before or right after moving it.";

const TAG_EXCEPTION =
  "The flagged value is not a secret (a public key, a test fixture, a value the detector misread). Record an exception saying why the value is harmless, or tag the resource tenfold:secrets-scan=ignore: the next scan then opens a pending exception for it, and the check keeps failing until an approver approves it (it expires after 90 days, and the tag is decided again).";

export const ITEM3_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i3.lambda_env_secrets",
    summary: "Move secrets out of Lambda environment variables into Secrets Manager or Parameter Store.",
    whyItMatters:
      "Environment variables are shown in the Lambda console and returned by the API to anyone allowed to read the function's configuration, and they are copied into every published version. A password or token kept there is readable far more widely than the code that needs it.",
    howToFix: {
      steps: [
        ROTATE_FIRST,
        "Create a secret in Secrets Manager (or a SecureString parameter in Parameter Store) holding the new value.",
        "Give the function's execution role secretsmanager:GetSecretValue on that one secret (and kms:Decrypt if it uses a customer managed key).",
        "Change the code to fetch the secret at start-up, ideally through the AWS Parameters and Secrets Lambda Extension, which caches it.",
        "Open the function from the Tenfold link, go to Configuration → Environment variables, replace the secret with the secret's ARN or name, and save.",
        "Delete old published versions that still carry the value, or they keep exposing it.",
        "Rescan the account in Tenfold to confirm the function is no longer listed.",
      ],
      cli: [
        CREATE_SECRET,
        {
          description: "Point the function at the secret. This replaces the whole variable set, so list every variable you want to keep",
          command: `aws lambda update-function-configuration --function-name <function-name> --environment "Variables={DB_SECRET_ARN=<secret-arn>,<OTHER_VAR>=<value>}" --query FunctionArn`,
        },
        { description: "List published versions that may still carry the old value", command: "aws lambda list-versions-by-function --function-name <function-name> --query 'Versions[].Version'" },
        { description: "Delete an old version", command: "aws lambda delete-function --function-name <function-name> --qualifier <version>" },
      ],
    },
    exceptionsAreReasonableWhen: TAG_EXCEPTION,
    docs: [SM_LAMBDA_DOC, PARAMETER_STORE_DOC, { title: "Working with Lambda environment variables", url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html" }],
  },
  {
    checkId: "i3.ecs_env_secrets",
    summary: "Pass secrets to ECS containers through the secrets field (valueFrom), not the environment field.",
    whyItMatters:
      "Values in a task definition's environment list are stored in plain text and visible to anyone who can describe task definitions, in every revision, including inactive ones. The secrets field injects the value at launch from Secrets Manager or Parameter Store instead, so the task definition holds only a reference.",
    howToFix: {
      steps: [
        ROTATE_FIRST,
        "Store the new value in Secrets Manager or as a SecureString parameter.",
        "Allow the task execution role to read that secret (secretsmanager:GetSecretValue or ssm:GetParameters, plus kms:Decrypt for a customer managed key).",
        "Open the task definition from the Tenfold link and choose Create new revision. In the container, remove the variable from Environment variables and add it again with Value type ValueFrom and the secret's ARN.",
        "Update the services that use the family to the new revision.",
        "Deregister the old revisions and then delete them, since inactive revisions can still be read.",
        "Rescan the account in Tenfold to confirm the family is no longer listed.",
      ],
      cli: [
        CREATE_SECRET,
        {
          description: "Register the corrected revision from a JSON file in which the container uses \"secrets\": [{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"<secret-arn>\"}]",
          command: "aws ecs register-task-definition --cli-input-json file://<task-definition>.json --query taskDefinition.taskDefinitionArn",
        },
        { description: "Roll the service onto the new revision", command: "aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<new-revision>" },
        { description: "Retire an old revision", command: "aws ecs deregister-task-definition --task-definition <family>:<old-revision> --query taskDefinition.taskDefinitionArn" },
        { description: "Delete the retired revision for good", command: "aws ecs delete-task-definitions --task-definitions <family>:<old-revision> --query 'taskDefinitions[].taskDefinitionArn'" },
      ],
    },
    exceptionsAreReasonableWhen: TAG_EXCEPTION,
    docs: [ECS_SECRETS_DOC, SM_INTRO_DOC],
  },
  {
    checkId: "i3.ec2_userdata_secrets",
    summary: "Keep secrets out of EC2 user data and launch templates; fetch them at boot with the instance role.",
    whyItMatters:
      "User data is not encrypted or access-controlled separately: anyone who can describe instance attributes or launch templates can read it, and any process on the instance can fetch it from the metadata service. A secret placed there is effectively shared with the whole instance and every operator of the account.",
    howToFix: {
      steps: [
        ROTATE_FIRST,
        "Store the new value in Secrets Manager or Parameter Store, and give the instance profile role permission to read that one secret.",
        "Change the boot script to fetch the value at start-up through the SDK or CLI using the instance role, keeping it in memory or in a file only root can read, and never echoing it to the console log.",
        "For a launch template: open it from the Tenfold link, choose Actions → Modify template (Create new version), paste the cleaned user data, set the new version as default, and delete the old versions that contain the secret.",
        "For a running instance: stop it, choose Actions → Instance settings → Edit user data, replace the script, and start it again. Instances created from the cleaned template can simply replace it.",
        "Rescan the account in Tenfold to confirm the instance or template is no longer listed.",
      ],
      cli: [
        { description: "Make a cleaned launch template version the default", command: "aws ec2 modify-launch-template --launch-template-id <lt-id> --default-version <new-version>" },
        { description: "Delete template versions that still hold the secret", command: "aws ec2 delete-launch-template-versions --launch-template-id <lt-id> --versions <old-version>" },
        { description: "Stop an instance before editing its user data", command: "aws ec2 stop-instances --instance-ids <instance-id>" },
      ],
    },
    exceptionsAreReasonableWhen: TAG_EXCEPTION,
    docs: [USER_DATA_DOC, EC2_ROLE_DOC, SM_INTRO_DOC],
  },
  {
    checkId: "i3.codebuild_plaintext_secrets",
    summary: "Change CodeBuild environment variables that hold secrets from Plaintext to Secrets Manager or Parameter Store.",
    whyItMatters:
      "Plaintext variables are stored with the project and shown to anyone who can view it, and they tend to end up in build logs. Build credentials often reach production systems or package registries, so a leak here travels far.",
    howToFix: {
      steps: [
        ROTATE_FIRST,
        "Store the new value in Secrets Manager or as a SecureString parameter.",
        "Give the project's service role permission to read it.",
        "Open the project from the Tenfold link, choose Edit → Environment → Additional configuration, and change the variable's type from Plaintext to Secrets Manager (or Parameter), with the secret's name or ARN as its value.",
        "Alternatively reference it in the buildspec under env → secrets-manager (or parameter-store) and remove it from the project.",
        "Rescan the account in Tenfold to confirm the project is no longer listed.",
      ],
      cli: [
        CREATE_SECRET,
        {
          description: "Update the project environment from a JSON file whose variable has \"type\": \"SECRETS_MANAGER\" and \"value\": \"<secret-name-or-arn>\" (the file must carry the full environment: type, image, computeType and all variables)",
          command: "aws codebuild update-project --name <project-name> --environment file://<environment>.json --query project.arn",
        },
      ],
    },
    exceptionsAreReasonableWhen: TAG_EXCEPTION,
    docs: [BUILDSPEC_DOC, { title: "Environment variables in CodeBuild build environments", url: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html" }],
  },
  {
    checkId: "i3.secrets_rotation",
    summary: "Turn on automatic rotation for Secrets Manager secrets and fix rotations that fail.",
    whyItMatters:
      "A secret that never changes stays useful to whoever copied it, for as long as it exists. Automatic rotation limits that window; a rotation that is enabled but failing gives the same false comfort as none at all.",
    howToFix: {
      steps: [
        "Open each listed secret from the Tenfold link and go to the Rotation tab.",
        "For database credentials (RDS, Aurora, Redshift, DocumentDB) choose Edit rotation, turn on automatic rotation, and let Secrets Manager create the rotation function, or use managed rotation where the service offers it.",
        "For other secrets, write or reuse a rotation Lambda function that creates the new credential at its source, then attach it with a schedule (for example every 30 or 90 days).",
        "If rotation is marked as failing, open the rotation function's CloudWatch logs, fix the cause (network access to the database, permissions, a changed password policy), then choose Rotate secret immediately.",
        "Rescan the account in Tenfold to confirm the secrets pass.",
      ],
      cli: [
        {
          description: "Turn on rotation with a rotation function and a schedule",
          command: "aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-lambda-arn <rotation-function-arn> --rotation-rules AutomaticallyAfterDays=30",
        },
        {
          description: "Check rotation status and dates (metadata only, not the value)",
          command: "aws secretsmanager describe-secret --secret-id <secret-arn> --query '{Enabled:RotationEnabled,Last:LastRotatedDate,Next:NextRotationDate}'",
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "The secret is issued by a third party that offers no way to rotate it programmatically; rotate it by hand on a schedule and record the next manual rotation date as the expiry.",
    docs: [ROTATION_DOC, { title: "Managed rotation for Secrets Manager secrets", url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_managed.html" }],
  },
  {
    checkId: "i3.secret_store_in_use",
    summary: "Informational: shows whether workloads in the account already read secrets from a secret store.",
    whyItMatters:
      "References to Secrets Manager or Parameter Store from Lambda, ECS and CodeBuild are good evidence that teams have a working pattern for secrets. An account with workloads and no such references usually keeps its credentials somewhere less safe.",
    howToFix: {
      steps: [
        "If the account runs workloads that need passwords or API keys, agree on one store (Secrets Manager for credentials that rotate, Parameter Store SecureString for static configuration).",
        "Publish a short pattern for each runtime your teams use: Lambda extension, ECS secrets field, CodeBuild secrets-manager variables, instance role plus SDK call on EC2.",
        "Use IAM roles, not stored keys, for access to AWS itself; secret stores are for everything else.",
        "Rescan the account in Tenfold; the check reports references once workloads use the store.",
      ],
    },
    docs: [SM_INTRO_DOC, PARAMETER_STORE_DOC, blogItem(3)],
  },
];
