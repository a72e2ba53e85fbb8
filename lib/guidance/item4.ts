import { blogItem } from "./docs";
import type { CheckGuidance, CliCommand, DocLink } from "./types";

// Item 4 — limit security groups.

const SG_RULES_DOC: DocLink = { title: "Security group rules", url: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html" };
const DEFAULT_SG_DOC: DocLink = { title: "Default security groups for your VPCs", url: "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html" };
const SESSION_MANAGER_DOC: DocLink = {
  title: "AWS Systems Manager Session Manager",
  url: "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html",
};
const EIC_ENDPOINT_DOC: DocLink = {
  title: "Connect to instances with EC2 Instance Connect Endpoint",
  url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-with-ec2-instance-connect-endpoint.html",
};
const FMS_DOC: DocLink = {
  title: "Security group policies in AWS Firewall Manager",
  url: "https://docs.aws.amazon.com/waf/latest/developerguide/security-group-policies.html",
};

const FIND_RULES: CliCommand = {
  description: "List the group's rules with their rule IDs",
  command: "aws ec2 describe-security-group-rules --filters Name=group-id,Values=<sg-id> --region <region>",
};
const REVOKE_RULE: CliCommand = {
  description: "Remove the open inbound rule by its ID",
  command: "aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids <sgr-id> --region <region>",
};
const WHO_USES: CliCommand = {
  description: "See which network interfaces (instances, load balancers, databases) use the group before changing it",
  command: "aws ec2 describe-network-interfaces --filters Name=group-id,Values=<sg-id> --query 'NetworkInterfaces[].[NetworkInterfaceId,Description]' --region <region>",
};
const ALLOW_NARROW = (port: string): CliCommand => ({
  description: "Re-allow the port from a known range only",
  command: `aws ec2 authorize-security-group-ingress --group-id <sg-id> --ip-permissions 'IpProtocol=tcp,FromPort=${port},ToPort=${port},IpRanges=[{CidrIp=<office-cidr>,Description="<who and why>"}]' --region <region>`,
});

const openSteps = (what: string, instead: string): string[] => [
  "Open the security group from the Tenfold link (the rule is named in the resource detail) and check which resources use it, on the group's page or with the CLI below.",
  `Agree with the owner of those resources what actually needs ${what}.`,
  `On the Inbound rules tab choose Edit inbound rules and delete the rule whose source is 0.0.0.0/0 or ::/0. ${instead}`,
  "Save, and check with the owner that the application still works.",
  "To stop the rule from coming back, enforce it in code (CloudFormation or Terraform review) or with an AWS Firewall Manager security group policy.",
  "Rescan the account in Tenfold to confirm the rule is gone.",
];

export const ITEM4_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i4.sg_all_ports_open",
    summary: "Remove security group rules that open every port to the whole internet.",
    whyItMatters:
      "A rule allowing all traffic from 0.0.0.0/0 or ::/0 exposes every service on the attached resources, including ones nobody meant to publish such as databases, admin consoles and debugging ports. Internet-wide scanners find such hosts within minutes.",
    howToFix: {
      steps: openSteps("from the internet", "Add back only the specific ports the application serves, from the narrowest source that works (a load balancer's security group, a prefix list, or your office ranges)."),
      cli: [WHO_USES, FIND_RULES, REVOKE_RULE, ALLOW_NARROW("443")],
    },
    exceptionsAreReasonableWhen:
      "Almost never. A short-lived test group attached to nothing may be excepted until a dated clean-up; deleting it is usually quicker.",
    docs: [SG_RULES_DOC, FMS_DOC],
  },
  {
    checkId: "i4.sg_admin_ports_open",
    summary: "Close SSH (22) and RDP (3389) to the internet; reach instances through Session Manager or a private path.",
    whyItMatters:
      "SSH and RDP open to everyone attract constant password guessing and exploits against the remote access service itself. A single weak password or unpatched host then gives an attacker a shell inside your network.",
    howToFix: {
      steps: openSteps(
        "administrative access",
        "Give administrators Session Manager (no inbound port at all) or EC2 Instance Connect Endpoint instead; if a direct rule is unavoidable, allow only your VPN or office ranges.",
      ),
      cli: [
        WHO_USES,
        {
          description: "Remove SSH open to all IPv4 addresses (use Ipv6Ranges=[{CidrIpv6=::/0}] for the IPv6 rule, and FromPort/ToPort=3389 for RDP)",
          command: "aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]' --region <region>",
        },
        { description: "Open a shell without any inbound rule (instance needs the SSM agent and an instance role)", command: "aws ssm start-session --target <instance-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen:
      "A bastion or SFTP endpoint that must accept connections from unknown addresses, hardened with key-only authentication and monitored; record the owner and review date.",
    docs: [SG_RULES_DOC, SESSION_MANAGER_DOC, EIC_ENDPOINT_DOC],
  },
  {
    checkId: "i4.sg_db_highrisk_ports_open",
    summary: "Close database and other high-risk service ports (MySQL, PostgreSQL, Redis, Elasticsearch, SMB, Telnet…) to the internet.",
    whyItMatters:
      "Database engines, caches and search clusters are designed for private networks; many listen without strong authentication by default. Exposed instances are routinely found by scanners and then dumped, encrypted for ransom, or used to move further into the environment.",
    howToFix: {
      steps: openSteps(
        "reach that port",
        "Allow the port only from the security group of the application tier that talks to it, or from a VPN range; if outside partners need data, give them an API or a private connection instead.",
      ),
      cli: [WHO_USES, FIND_RULES, REVOKE_RULE],
    },
    exceptionsAreReasonableWhen:
      "A deliberately public service on one of these ports (for example a public FTP mirror or a web app on 8080) that has been reviewed; name the service and owner in the exception.",
    docs: [SG_RULES_DOC, FMS_DOC],
  },
  {
    checkId: "i4.sg_other_ports_open",
    summary: "Review other ports open to the internet beyond the authorised ones (by default 80 and 443).",
    whyItMatters:
      "Every extra port reachable from anywhere is another service to patch and another way in. Ports opened for a quick test are often forgotten, and the service behind them changes over time.",
    howToFix: {
      steps: openSteps(
        "on that port from the internet",
        "If the port must stay public, put the service behind a load balancer on 443 where possible, or add the port to the authorised list in Tenfold's configuration so the decision is visible.",
      ),
      cli: [WHO_USES, FIND_RULES, REVOKE_RULE],
    },
    exceptionsAreReasonableWhen:
      "The port is part of a published service (for example a game server, VPN endpoint or MQTT broker) whose exposure has been reviewed.",
    docs: [SG_RULES_DOC],
  },
  {
    checkId: "i4.default_sg_restricted",
    summary: "Strip all inbound and outbound rules from each VPC's default security group.",
    whyItMatters:
      "Resources launched without an explicit security group land in the default group. If that group allows traffic, new resources are exposed or can talk to each other without anyone having decided so; an empty default group makes every opening a deliberate choice.",
    howToFix: {
      steps: [
        "Open the default group from the Tenfold link and check its Network interfaces: resources still using it must be moved to a purpose-built group first.",
        "Create a named security group with just the rules those resources need, and attach it to them.",
        "Back on the default group, delete every rule on the Inbound rules and Outbound rules tabs.",
        "Rescan the account in Tenfold to confirm the group is empty.",
      ],
      cli: [
        WHO_USES,
        FIND_RULES,
        REVOKE_RULE,
        { description: "Remove outbound rules by ID", command: "aws ec2 revoke-security-group-egress --group-id <sg-id> --security-group-rule-ids <sgr-id> --region <region>" },
      ],
    },
    exceptionsAreReasonableWhen: "A legacy workload still depends on the default group and its migration is scheduled; use the migration date as the expiry.",
    docs: [DEFAULT_SG_DOC, SG_RULES_DOC],
  },
  {
    checkId: "i4.sg_unknown_public_source",
    summary: "Allow inbound traffic from public addresses only when they belong to known networks.",
    whyItMatters:
      "A rule that trusts a public range outside your known offices, VPNs and partners may point at an address that changed hands, a home connection, or a typo. Whoever holds that address today has the access.",
    howToFix: {
      steps: [
        "Open the group from the Tenfold link and find the rule whose source is outside the known ranges (shown in the detail).",
        "Find out who added it and what the range is: a partner, a contractor's home IP, a cloud provider range.",
        "If it is legitimate and stable, add it to the known ranges in Tenfold's configuration (TENFOLD_KNOWN_CIDRS) or, better, to a managed prefix list used by the rule.",
        "Otherwise remove the rule, or replace it with a VPN or private connection.",
        "Rescan the account in Tenfold to confirm.",
      ],
      cli: [FIND_RULES, REVOKE_RULE],
    },
    exceptionsAreReasonableWhen: "The range belongs to a named partner under contract; put the partner and contract end date in the exception.",
    docs: [
      SG_RULES_DOC,
      { title: "Managed prefix lists", url: "https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html" },
      blogItem(4),
    ],
  },
];
