// Twelve weekly changes (fixes and regressions) so that trends and week-over-week views move.
import { ingress, regionData, securityGroup, user } from "../scenario/builder";
import type { Scenario } from "../scenario/types";
import type { DemoAccountSpec } from "./accounts";
import { DEMO_MANAGEMENT_ID, DEMO_LOG_ARCHIVE_ID } from "./accounts";
import { buildDemoOrganization, type Postures } from "./organization";
import { applyPosture, HOME, LOG_BUCKET, SECOND, type Color, type Item } from "./posture";

/** Week 0 (the baseline) is Monday 2026-08-31, 09:00 UTC; week n is n × 7 days later. */
export const DEMO_START = new Date("2026-08-31T09:00:00Z");
export const DEMO_WEEKS = 12;

export interface DemoStep {
  week: number;
  kind: "fix" | "regression";
  title: string;
  /** Item colours after the change. */
  changes: { account: string; item: Item; color: Color }[];
  /** Extra edits beyond re-generating the items in `changes`. */
  apply?: (s: Scenario, byName: (name: string) => { account: Scenario["accounts"][string]; spec: DemoAccountSpec }) => void;
}

export const demoTimeline: DemoStep[] = [
  { week: 1, kind: "fix", title: "payments-prod: root user gets a hardware MFA device", changes: [{ account: "payments-prod", item: 2, color: "green" }] },
  {
    week: 2,
    kind: "regression",
    title: "dev-sandbox-7: SSH (22) opened to 0.0.0.0/0 for debugging",
    changes: [{ account: "dev-sandbox-7", item: 4, color: "green" }],
    apply: (_s, byName) => {
      const { account } = byName("dev-sandbox-7");
      regionData(account, HOME).securityGroups!.push(securityGroup(account.id, `sg-3${account.id.slice(-6)}00ssh01`, { name: "debug-ssh", vpcId: `vpc-0${account.id.slice(-6)}`, ingress: [ingress(22)] }));
    },
  },
  { week: 3, kind: "fix", title: "orders-prod: 400-day-old access key deleted; CI moves to a fresh key", changes: [{ account: "orders-prod", item: 9, color: "amber" }] },
  { week: 4, kind: "regression", title: "analytics-dev: hard-coded credentials shipped in Lambda / build config", changes: [{ account: "analytics-dev", item: 3, color: "red" }] },
  { week: 5, kind: "fix", title: "catalog-prod: account-level S3 Block Public Access on, public export bucket removed", changes: [{ account: "catalog-prod", item: 5, color: "green" }] },
  {
    week: 6,
    kind: "fix",
    title: "Organization trail created (multi-Region, KMS, validation) into the log-archive bucket",
    changes: [],
    apply: (s) => {
      const mgmt = s.accounts[DEMO_MANAGEMENT_ID]!;
      regionData(mgmt, HOME).trails = [
        ...(regionData(mgmt, HOME).trails ?? []),
        {
          trail: {
            Name: "org-trail", TrailARN: `arn:aws:cloudtrail:${HOME}:${DEMO_MANAGEMENT_ID}:trail/org-trail`, HomeRegion: HOME, IsMultiRegionTrail: true, IsOrganizationTrail: true,
            S3BucketName: LOG_BUCKET, IncludeGlobalServiceEvents: true, LogFileValidationEnabled: true, HasCustomEventSelectors: false, HasInsightSelectors: false,
            KmsKeyId: `arn:aws:kms:${HOME}:${DEMO_LOG_ARCHIVE_ID}:key/org-trail-logs`,
          },
          status: { IsLogging: true, LatestDeliveryTime: new Date(s.clock.getTime() - 600_000), StartLoggingTime: new Date(s.clock.getTime() - 2 * 86_400_000) },
          eventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
        },
      ];
    },
  },
  {
    week: 7,
    kind: "regression",
    title: "mobile-api-prod: GuardDuty detector suspended in eu-west-1",
    changes: [{ account: "mobile-api-prod", item: 8, color: "green" }],
    apply: (_s, byName) => {
      const d = regionData(byName("mobile-api-prod").account, SECOND).detectors?.[0];
      if (d) d.status = "DISABLED";
    },
  },
  { week: 8, kind: "fix", title: "search-dev, web-dev: security and operations contacts registered", changes: [{ account: "search-dev", item: 1, color: "green" }, { account: "web-dev", item: 1, color: "green" }] },
  { week: 9, kind: "regression", title: "ml-platform-dev: export bucket made public, account BPA removed", changes: [{ account: "ml-platform-dev", item: 5, color: "red" }] },
  {
    week: 10,
    kind: "fix",
    title: "payments-prod, orders-prod, web-prod: Inspector ECR and Lambda code scanning enabled",
    changes: ["payments-prod", "orders-prod", "web-prod"].map((account) => ({ account, item: 10 as Item, color: "green" as Color })),
  },
  { week: 11, kind: "fix", title: "data-lake-prod: unused roles deleted, public bucket share closed", changes: [{ account: "data-lake-prod", item: 7, color: "green" }] },
  {
    week: 12,
    kind: "regression",
    title: "notifications-prod: contractor console user created without MFA",
    changes: [{ account: "notifications-prod", item: 2, color: "green" }],
    apply: (s, byName) => {
      byName("notifications-prod").account.iam.users.push(user(s, "contractor.console", { console: true, passwordLastUsedDaysAgo: 1, mfa: "none", createdDaysAgo: 6 }));
    },
  },
];

/** Colour labels after each change (what a scan should broadly show); week 6 and step edits are approximate. */
const STEP_LABELS: Record<number, { account: string; item: Item; color: Color }[]> = {
  2: [{ account: "dev-sandbox-7", item: 4, color: "red" }],
  7: [{ account: "mobile-api-prod", item: 8, color: "red" }],
  12: [{ account: "notifications-prod", item: 2, color: "amber" }],
};

const WEEK_MS = 7 * 86_400_000;

/** The clock of `week` on a timeline that starts at `start` (DEMO_START unless the demo anchored its own). */
export function demoClock(week: number, start: Date = DEMO_START): Date {
  return new Date(start.getTime() + week * WEEK_MS);
}

/**
 * The Monday 09:00 UTC whose week DEMO_WEEKS falls in the seven days up to `now`: `npm run demo` anchors
 * its backfill there, so the history ends this week whatever the date, and the pages' trend windows
 * (which end today) show it. Tests keep the fixed DEMO_START.
 */
export function demoStartEndingAt(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  const lastWeek = monday.getTime() > now.getTime() ? monday.getTime() - WEEK_MS : monday.getTime();
  return new Date(lastWeek - DEMO_WEEKS * WEEK_MS);
}

/**
 * The demo organisation as it stands in `week` (0 = baseline … 12 = today), with its clock set to
 * that week. Dates are relative to the week's clock; the same account always gets the same ids.
 */
export function demoScenarioAt(week = DEMO_WEEKS, options: DemoOptions = {}): Scenario {
  return demoStateAt(week, options).scenario;
}

export interface DemoOptions {
  /** Total accounts; above the demo's 39, generated workload accounts are added (e.g. 1000 for benchmarks). */
  accounts?: number;
  /** Week 0's clock; default DEMO_START. */
  start?: Date;
}

export function demoStateAt(week = DEMO_WEEKS, options: DemoOptions = {}): { scenario: Scenario; postures: Postures } {
  if (!Number.isInteger(week) || week < 0 || week > DEMO_WEEKS) throw new Error(`demo week must be 0..${DEMO_WEEKS}`);
  const { scenario, postures, specs } = buildDemoOrganization(demoClock(week, options.start), options.accounts);
  const byName = (name: string) => {
    const spec = specs.get(name);
    const account = spec && scenario.accounts[spec.id];
    if (!spec || !account) throw new Error(`demo timeline names unknown account ${name}`);
    return { account, spec };
  };
  for (const step of demoTimeline) {
    if (step.week > week) break;
    for (const c of step.changes) {
      const { account, spec } = byName(c.account);
      applyPosture(scenario, account, spec, c.item, c.color);
      postures[c.account]![c.item] = c.color;
    }
    step.apply?.(scenario, byName);
    for (const c of STEP_LABELS[step.week] ?? []) postures[c.account]![c.item] = c.color;
    if (step.week === 6) for (const p of Object.values(postures)) p[6] = "green";
  }
  return { scenario, postures };
}
