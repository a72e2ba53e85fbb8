// npm run seed:dev — development only: fills the configured database (TENFOLD_DATA_DIR / DATABASE_URL) with a
// small organisation and a few weeks of weekly scans, written through the real store writers with scores
// from the real scorer, so the dashboard can be built and looked at before the demo sandbox scans work.
//   --accounts <n> (default 14)   --weeks <n> (default 8)
import { parseArgs } from "node:util";
import { upsertDiscoveredAccounts, type DiscoveredAccount } from "@/db/store/accounts";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeFailedSnapshot, writeScoredSnapshot } from "@/db/store/snapshots";
import { scoreAccount, scoreAccountItems, scoreItem } from "@/lib/scoring";
import type { CheckResult, ItemNumber } from "@/lib/scoring/types";
import { goodAccount, goodOrg, testConfig } from "@/lib/scoring/testing/fixtures";
import { openForCli } from "./cli";

const { values } = parseArgs({ options: { accounts: { type: "string" }, weeks: { type: "string" } } });
const ACCOUNTS = Number(values.accounts ?? 14);
const WEEKS = Number(values.weeks ?? 8);

const OUS = ["Root/Workloads/Prod", "Root/Workloads/Dev", "Root/Workloads/Payments", "Root/Security", "Root/Sandbox"];
const OWNERS = ["team-a", "team-b", "payments", "platform", null];
const NAMES = ["payments-prod", "payments-dev", "web-prod", "web-dev", "data-lake", "log-archive", "security-tooling", "sandbox-alice", "sandbox-bob", "ml-platform", "identity", "network-hub", "billing", "analytics", "edge", "search"];

// Deterministic pseudo-random numbers so every run seeds the same organisation.
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const accounts: DiscoveredAccount[] = Array.from({ length: ACCOUNTS }, (_, index) => ({
  id: String(100000000000 + index * 111111111 + 7).slice(0, 12),
  name: NAMES[index % NAMES.length]! + (index >= NAMES.length ? `-${index}` : ""),
  email: `aws+${NAMES[index % NAMES.length]}@example.com`,
  state: "ACTIVE",
  ouId: `ou-${index % OUS.length}`,
  ouPath: OUS[index % OUS.length]!,
  tags: { owner: OWNERS[index % OWNERS.length] ?? "", env: index % 2 ? "dev" : "prod", "data-classification": index % 3 ? "internal" : "confidential" },
  owner: OWNERS[index % OWNERS.length] ?? null,
}));

const { connection } = await openForCli();
const { db } = connection;
await upsertDiscoveredAccounts(db, accounts, { complete: true });
const config = testConfig();
const now = Date.now();

for (let week = WEEKS - 1; week >= 0; week--) {
  const asOf = new Date(now - week * 7 * 86_400_000 - 3_600_000);
  const { id: scanId } = await createScan(db, { trigger: "backfill", asOf, requestedBy: "seed-dev" });
  await markScanRunning(db, scanId, { accountsTotal: accounts.length, orgEvidence: {}, apiCalls: { organizations: 3 } });
  for (const [index, account] of accounts.entries()) {
    const random = rng(index * 1000 + 17);
    // One account goes unreachable in the latest scan, so the "stale since" path has data.
    if (week === 0 && index === 3) {
      await writeFailedSnapshot(db, { scanId, accountId: account.id, status: "failed", evaluatedAt: asOf, errorCode: "AccessDenied", errorMessage: `User is not authorized to perform: sts:AssumeRole on arn:aws:iam::${account.id}:role/TenfoldReadOnly` });
      continue;
    }
    const base = scoreAccount({ ...goodAccount(), accountId: account.id }, goodOrg(), { now: asOf.toISOString(), config, accountId: account.id, isManagementAccount: false });
    // Each account fails a share of checks that shrinks as the weeks pass (the org improves), with noise.
    const weakness = 0.15 + (index % 5) * 0.08 + week * 0.015;
    const items = base.items.map((item) => {
      const checks: CheckResult[] = item.checks.map((check) => {
        const roll = random();
        if (check.result === "not_applicable") return check;
        if (roll < weakness * 0.7) return { ...check, result: "fail", reason: `${check.reason} (seeded failure)`, resources: [{ kind: "iam-user", id: `arn:aws:iam::${account.id}:user/ci-deploy`, region: "us-east-1", detail: "seeded resource" }] };
        if (roll < weakness * 0.8) return { ...check, result: "warn" };
        if (roll > 0.97) return { ...check, result: "unknown", reason: "AccessDenied: seeded" };
        return check;
      });
      return scoreItem(item.item as ItemNumber, checks, config);
    });
    const score = scoreAccountItems(account.id, items, config);
    await writeScoredSnapshot(db, { scanId, accountId: account.id, status: "ok", evaluatedAt: asOf, startedAt: asOf, finishedAt: new Date(asOf.getTime() + 4000), apiCalls: { iam: 6, ec2: 8 }, score });
  }
  await finalizeScan(db, scanId);
  console.log(`seed-dev: week -${week} (${asOf.toISOString().slice(0, 10)}) written`);
}
await connection.close();
