import type { CheckId } from "@/lib/scoring/catalogue";
import type { ItemNumber } from "@/lib/scoring/types";
import { ITEM1_GUIDANCE } from "./item1";
import { ITEM2_GUIDANCE } from "./item2";
import { ITEM3_GUIDANCE } from "./item3";
import { ITEM4_GUIDANCE } from "./item4";
import { ITEM5_GUIDANCE } from "./item5";
import { ITEM6_GUIDANCE } from "./item6";
import { ITEM7_GUIDANCE } from "./item7";
import { ITEM8_GUIDANCE } from "./item8";
import { ITEM9_GUIDANCE } from "./item9";
import { ITEM10_GUIDANCE } from "./item10";
import type { CheckGuidance, ItemGuidance } from "./types";

export type { CheckGuidance, CliCommand, DocLink, ItemGuidance } from "./types";
export { checkConsoleLink, consoleLinkFor, ssoShortcut, LINKED_KINDS, type ConsoleLink, type ConsoleLinkContext } from "./console-links";

/** Every check's guidance, in catalogue order. */
export const CHECK_GUIDANCE: readonly CheckGuidance[] = [
  ...ITEM1_GUIDANCE,
  ...ITEM2_GUIDANCE,
  ...ITEM3_GUIDANCE,
  ...ITEM4_GUIDANCE,
  ...ITEM5_GUIDANCE,
  ...ITEM6_GUIDANCE,
  ...ITEM7_GUIDANCE,
  ...ITEM8_GUIDANCE,
  ...ITEM9_GUIDANCE,
  ...ITEM10_GUIDANCE,
];

const BY_CHECK = new Map<string, CheckGuidance>(CHECK_GUIDANCE.map((g) => [g.checkId, g]));

/** The guidance of one check. Every catalogue id has one (guidance.test.ts); other strings give undefined. */
export function getCheckGuidance(checkId: CheckId): CheckGuidance;
export function getCheckGuidance(checkId: string): CheckGuidance | undefined;
export function getCheckGuidance(checkId: string): CheckGuidance | undefined {
  return BY_CHECK.get(checkId);
}

/** Why each item matters, from the AWS post's rationale, in our words. */
export const ITEM_GUIDANCE: readonly ItemGuidance[] = [
  {
    item: 1,
    summary: "AWS can reach the right people about this account, through shared addresses that someone reads.",
    whyItMatters:
      "When AWS spots abuse, exposed credentials or an upcoming change that affects your workloads, it writes to the account's root and alternate contacts. If those addresses belong to one person, bounce, or land in an unread folder, the warning is lost and a small incident becomes a large one.",
  },
  {
    item: 2,
    summary: "Every way into the account asks for a second factor: root, IAM users and single sign-on.",
    whyItMatters:
      "Passwords get phished, guessed and reused. A second factor stops most account takeovers outright, and for the root user, which no policy can restrain, it is the last line of defence.",
  },
  {
    item: 3,
    summary: "Workloads get secrets from a secret store at run time, never from code or plain configuration.",
    whyItMatters:
      "Secrets written into environment variables, user data or build settings are readable by anyone who can view that configuration and are copied into every version and backup. Roles for AWS access and a secret store for everything else keep credentials short-lived and tightly scoped.",
  },
  {
    item: 4,
    summary: "Security groups open only the ports a service needs, and only to networks you know.",
    whyItMatters:
      "Security groups are the front door of most workloads. A port left open to the internet is found by automated scanners within minutes, so every rule should have an owner, a purpose and the narrowest source that works.",
  },
  {
    item: 5,
    summary: "Data is classified, public data lives in its own account, and everything else is blocked from public access.",
    whyItMatters:
      "Most cloud data leaks come from storage that was made public by accident. Knowing what each account holds, keeping intentionally public data apart, and separating who can encrypt from who can decrypt make accidental exposure hard and misuse easier to spot.",
  },
  {
    item: 6,
    summary: "CloudTrail records every Region into a protected, encrypted bucket in a separate Log Archive account.",
    whyItMatters:
      "Logs are how you find out what happened, and attackers know it. Keeping them in an account the workload cannot touch, locked against deletion and encrypted, means the evidence survives the incident it describes.",
  },
  {
    item: 7,
    summary: "Roles and resource policies are reviewed: nothing is shared outside by accident, and unused roles are removed.",
    whyItMatters:
      "Accounts collect roles and policies over time, and many outlive their purpose. IAM Access Analyzer shows what is reachable from outside, and pruning unused roles removes doors nobody is watching.",
  },
  {
    item: 8,
    summary: "Security Hub and GuardDuty are on everywhere, and their findings are acted on in time, ideally automatically.",
    whyItMatters:
      "Detection services are cheap to enable; the value comes from responding. A finding that sits unread for weeks helps nobody, so each one needs an owner, a deadline, and for common cases an automated path to a person or a fix.",
  },
  {
    item: 9,
    summary: "Long-term access keys are rare, rotated, and removed when unused; root has none.",
    whyItMatters:
      "Access keys never expire on their own and tend to be copied widely. Federation and roles remove the need for most of them; the rest should be young, single and in use, so a leaked key stops working soon.",
  },
  {
    item: 10,
    summary: "Security works with development teams: shared pipelines and platforms, scanning of what ships, and a named contact.",
    whyItMatters:
      "Settings drift unless the people building on AWS share the goal. Making the secure path the easy one, with common pipelines, identity and logging instead of per-team copies, and scanning that feeds findings back to developers, keeps the other nine items green.",
  },
];

const BY_ITEM = new Map<number, ItemGuidance>(ITEM_GUIDANCE.map((g) => [g.item, g]));

/** The item-level rationale shown above the checks of the drill-down page (every item 1–10 has one). */
export function getItemGuidance(item: ItemNumber): ItemGuidance;
export function getItemGuidance(item: number): ItemGuidance | undefined;
export function getItemGuidance(item: number): ItemGuidance | undefined {
  return BY_ITEM.get(item);
}
