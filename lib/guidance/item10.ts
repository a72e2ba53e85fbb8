import { blogItem } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 10 — be involved in the dev cycle.

const ECR_SCAN_DOC: DocLink = { title: "Scanning Amazon ECR container images with Amazon Inspector", url: "https://docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html" };
const LAMBDA_SCAN_DOC: DocLink = { title: "Scanning AWS Lambda functions with Amazon Inspector", url: "https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html" };
const FINDINGS_DOC: DocLink = { title: "Understanding findings in Amazon Inspector", url: "https://docs.aws.amazon.com/inspector/latest/user/findings-understanding.html" };
const INSPECTOR_START_DOC: DocLink = { title: "Getting started with Amazon Inspector", url: "https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html" };
const ECR_BASIC_DOC: DocLink = { title: "Scan images for software vulnerabilities in Amazon ECR", url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html" };
const SUPPRESS_DOC: DocLink = { title: "Suppressing Amazon Inspector findings", url: "https://docs.aws.amazon.com/inspector/latest/user/findings-managing-supression-rules.html" };

export const ITEM10_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i10.container_image_scanning",
    summary: "Scan container images in ECR continuously with Amazon Inspector (enhanced scanning).",
    whyItMatters:
      "Images carry operating system packages and libraries that pick up new vulnerabilities long after they are built. Basic scan-on-push checks an image once; enhanced scanning rescans it whenever a new vulnerability is published, so teams hear about issues in images that are already running.",
    howToFix: {
      steps: [
        "Preferred: make the security account the Inspector delegated administrator and auto-enable ECR scanning for all member accounts.",
        "For a single account, open Amazon Inspector in each listed Region and choose Get started → Activate Inspector (or, if it is on, Account management → Activate → Amazon ECR).",
        "In ECR → Private registry → Settings → Scanning, check that the scan type is Enhanced and that a continuous scanning rule covers the repositories (a filter of * covers all).",
        "Route Inspector findings to the teams that own the images (Security Hub integration or EventBridge).",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Turn on Inspector scanning for ECR in a Region", command: "aws inspector2 enable --resource-types ECR --region <region>" },
        {
          description: "Scan every repository continuously",
          command: `aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules '[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]' --region <region>`,
        },
        { description: "Check what Inspector scans in the account", command: "aws inspector2 batch-get-account-status --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "Images are scanned by another tool in the pipeline and continuously in the registry (name the tool and where its results go).",
    docs: [ECR_SCAN_DOC, ECR_BASIC_DOC, INSPECTOR_START_DOC],
  },
  {
    checkId: "i10.lambda_scanning",
    summary: "Scan Lambda functions with Amazon Inspector: both package dependencies and function code.",
    whyItMatters:
      "Functions bundle third-party libraries that go stale quietly, and their code can contain injection flaws or embedded credentials. Inspector's standard scanning covers the dependencies; code scanning also looks at what your developers wrote.",
    howToFix: {
      steps: [
        "Open Amazon Inspector in each listed Region (Tenfold link), go to Account management, select the account, and activate AWS Lambda standard scanning and AWS Lambda code scanning.",
        "With a delegated administrator, set both to auto-enable for member accounts instead.",
        "Send the findings to the function owners, for example through Security Hub or an EventBridge rule.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [
        { description: "Turn on Lambda standard and code scanning in a Region", command: "aws inspector2 enable --resource-types LAMBDA LAMBDA_CODE --region <region>" },
        { description: "Check the result", command: "aws inspector2 batch-get-account-status --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "Code scanning is not offered in the Region, or function code is scanned by another tool before deployment; name the tool.",
    docs: [LAMBDA_SCAN_DOC, INSPECTOR_START_DOC],
  },
  {
    checkId: "i10.inspector_critical_findings",
    summary: "Fix or suppress critical Inspector findings before they pass the SLA (7 days by default).",
    whyItMatters:
      "A critical finding is a known, often remotely exploitable vulnerability in something you run. Scanning only helps if teams act on it; old critical findings show the loop between security and developers is not closed.",
    howToFix: {
      steps: [
        "Open Inspector → Findings in the listed Region (Tenfold link) and filter on Critical and Active, oldest first.",
        "For each finding, follow the remediation shown: usually rebuild the image or redeploy the function with the fixed package version.",
        "If the vulnerable code path is not reachable or the resource is being retired, create a suppression rule with a clear name and reason.",
        "Rescan the account in Tenfold to confirm nothing critical is older than the SLA.",
      ],
      cli: [
        {
          description: "List active critical findings",
          command: `aws inspector2 list-findings --filter-criteria '{"severity":[{"comparison":"EQUALS","value":"CRITICAL"}],"findingStatus":[{"comparison":"EQUALS","value":"ACTIVE"}]}' --region <region>`,
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "No fixed version exists yet and a compensating control is in place (for example the affected port is not reachable); set the expiry to the next review of the vendor's fix.",
    docs: [FINDINGS_DOC, SUPPRESS_DOC],
  },
  {
    checkId: "i10.dev_cycle_attested",
    summary: "Attest that security is part of how this account's software is designed, built and shipped.",
    whyItMatters:
      "Most of the other nine items are settings; this one is about people. Teams that involve security early, reuse shared pipelines and platform services, and know whom to ask fix issues before they reach production, and every other score in Tenfold is easier to keep green.",
    howToFix: {
      steps: [
        "Name a security contact or champion for the team that owns the account, and make sure they know the security team.",
        "Agree when a change needs a security review or a threat model (new internet-facing service, new data store, new third party), and write it down.",
        "Build and deploy through the organization's shared pipeline, identity and logging platforms rather than team-specific copies.",
        "Make sure the pipeline runs dependency and secret scanning, and that findings reach the developers.",
        "Record an attestation on this check in Tenfold with the evidence below.",
      ],
    },
    attestation: {
      statement:
        "The team owning this account has a named security contact, reviews or threat-models significant changes with security, ships through the organization's shared pipeline, identity and logging platforms, and receives scan findings in its normal workflow.",
      evidence: [
        "Name of the security champion or contact and the team's page or channel.",
        "Link to a recent security review or threat model for this account's workloads.",
        "Link to the pipeline definition showing the shared templates and scanning steps.",
      ],
    },
    docs: [blogItem(10), INSPECTOR_START_DOC],
  },
];
