import { blogItem } from "./docs";
import type { CheckGuidance, DocLink } from "./types";

// Item 1 — accurate account information (alternate contacts).

const ALTERNATE_DOC: DocLink = {
  title: "Update the alternate contacts for your AWS account",
  url: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
};
const CONTACT_DOC: DocLink = {
  title: "Update contact information for your AWS account",
  url: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact.html",
};
const TRUSTED_ACCESS_DOC: DocLink = {
  title: "Enable trusted access for AWS Account Management",
  url: "https://docs.aws.amazon.com/accounts/latest/reference/using-orgs-trusted-access.html",
};
const CLI_ALTERNATE_DOC: DocLink = {
  title: "AWS CLI reference: aws account put-alternate-contact",
  url: "https://docs.aws.amazon.com/cli/latest/reference/account/put-alternate-contact.html",
};

const contactSteps = (type: string, who: string): string[] => [
  `Sign in to the account (or to the management account, if trusted access for AWS Account Management is on) and open the Account page from the account menu at the top right.`,
  `Scroll to Alternate contacts and choose Edit.`,
  `Fill in the ${type} contact: a team name, a shared mailbox or distribution list that ${who} read, a phone number that reaches the team, and a title such as "${type.toLowerCase()} team".`,
  `Save, then send a test message to the address and make sure someone on the team sees it.`,
  `Rescan the account in Tenfold; the check turns green once the contact is readable.`,
];

const contactCli = (type: string): CheckGuidance["howToFix"]["cli"] => [
  {
    description: `Set the ${type} contact from inside the account`,
    command: `aws account put-alternate-contact --alternate-contact-type ${type} --email-address <team-alias@example.com> --name "<team name>" --title "<title>" --phone-number "<+1-555-0100>"`,
  },
  {
    description: `Set it for a member account from the management account (needs trusted access for AWS Account Management)`,
    command: `aws account put-alternate-contact --account-id <account-id> --alternate-contact-type ${type} --email-address <team-alias@example.com> --name "<team name>" --title "<title>" --phone-number "<+1-555-0100>"`,
  },
  { description: `Read back what AWS has on record`, command: `aws account get-alternate-contact --alternate-contact-type ${type}` },
];

export const ITEM1_GUIDANCE: CheckGuidance[] = [
  {
    checkId: "i1.security_contact",
    summary: "Give the account a security alternate contact that reaches a team, not one person.",
    whyItMatters:
      "AWS sends abuse reports, credential-exposure notices and security bulletins to the security contact. Without one, those messages go only to the root email address, which is often an unwatched mailbox, and an active incident can go unnoticed for days.",
    howToFix: { steps: contactSteps("SECURITY", "your security or on-call team"), cli: contactCli("SECURITY") },
    exceptionsAreReasonableWhen:
      "Rarely. A sandbox account that is about to be closed may go without one for a short, dated period; record the closure date as the expiry.",
    docs: [ALTERNATE_DOC, CONTACT_DOC, CLI_ALTERNATE_DOC],
  },
  {
    checkId: "i1.billing_contact",
    summary: "Give the account a billing alternate contact that reaches the team that pays for it.",
    whyItMatters:
      "A sudden jump in spend is often the first visible sign of stolen credentials being used to run workloads. Billing notices that reach nobody mean that signal is lost, and unpaid invoices can lead to the account being suspended.",
    howToFix: { steps: contactSteps("BILLING", "finance or the cost owner"), cli: contactCli("BILLING") },
    exceptionsAreReasonableWhen:
      "The organization routes all billing through the management account and the finance team has documented that member accounts never receive separate billing mail; note where that decision is written down.",
    docs: [ALTERNATE_DOC, CONTACT_DOC, CLI_ALTERNATE_DOC],
  },
  {
    checkId: "i1.operations_contact",
    summary: "Give the account an operations alternate contact that reaches the people who run its workloads.",
    whyItMatters:
      "AWS uses the operations contact for planned maintenance, instance retirements and service events that can take workloads down. If nobody receives them, a scheduled retirement turns into an unplanned outage.",
    howToFix: { steps: contactSteps("OPERATIONS", "the platform or on-call team"), cli: contactCli("OPERATIONS") },
    exceptionsAreReasonableWhen:
      "The account runs no workloads (for example a pure identity or billing account) and operations mail for it is handled by a documented central process.",
    docs: [ALTERNATE_DOC, CONTACT_DOC, CLI_ALTERNATE_DOC],
  },
  {
    checkId: "i1.contacts_distinct_shared",
    summary: "Point each alternate contact at its own shared team address on a company domain.",
    whyItMatters:
      "A contact that is one employee's personal mailbox stops working the day that person leaves or goes on holiday. Using the root email for a contact, or one address for all three, collapses separate channels into a single point of failure, and an outside domain can sit beyond your control.",
    howToFix: {
      steps: [
        "Open the result in Tenfold to see which contact types were flagged and why (shared address, the root email, an outside domain, or a personal-looking name).",
        "Create or pick a distribution list for each role, for example aws-security@, aws-billing@ and aws-ops@ on your company domain, each with at least two members.",
        "On the Account page, choose Edit under Alternate contacts and replace the flagged addresses with those lists.",
        "Keep the root email address separate from all three contacts.",
        "Rescan the account in Tenfold to confirm the warning clears.",
      ],
      cli: [
        {
          description: "Replace one contact's address with a team list (repeat per contact type)",
          command: `aws account put-alternate-contact --alternate-contact-type SECURITY --email-address <aws-security@example.com> --name "<security team>" --title "Security" --phone-number "<+1-555-0100>"`,
        },
        {
          description: "From the management account, check that trusted access for AWS Account Management is on before managing members centrally",
          command: "aws organizations list-aws-service-access-for-organization",
        },
      ],
    },
    exceptionsAreReasonableWhen:
      "A small team deliberately uses one monitored list for all three roles and has written down who reads it; record the list owner in the exception.",
    docs: [TRUSTED_ACCESS_DOC, ALTERNATE_DOC],
  },
  {
    checkId: "i1.contacts_attested",
    summary: "Confirm at least twice a year that the contact addresses still work and that someone answers them.",
    whyItMatters:
      "Tenfold can read that contacts are filled in, but not whether mail to them is delivered and acted on. A list that bounces, or one that lands in a folder nobody reads, looks fine in the API and fails exactly when AWS needs to reach you.",
    howToFix: {
      steps: [
        "Send a test email to the root address and to each alternate contact, and check that it reaches the intended people.",
        "Check that messages from AWS (including abuse notices) are not filtered as spam by your mail system.",
        "Confirm each list has at least two current members and an owner who keeps membership up to date.",
        "In Tenfold, open this check and record an attestation with the date of the test and a link to the evidence below.",
      ],
    },
    attestation: {
      statement:
        "The root email address and the security, billing and operations contacts of this account were tested on the stated date, each reached at least two current team members, and mail from AWS is not filtered.",
      evidence: [
        "Link to the test emails or the ticket in which they were sent and acknowledged.",
        "Membership list (or directory link) of each distribution list, with its owner.",
      ],
    },
    docs: [ALTERNATE_DOC, blogItem(1)],
  },
];
