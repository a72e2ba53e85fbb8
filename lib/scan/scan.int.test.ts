import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountSnapshots, checkResults, latestItemResults, scans } from "@/db/schema";
import { addAccount, createScenario, user } from "@/sandbox/scenario/builder";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";

// Two Regions keep the scan small; the collectors run in every allowed Region the account has enabled.
const REGIONS = "us-east-1,eu-west-1";

function smallOrganisation() {
  const scenario = createScenario();
  const healthy = addAccount(scenario, { name: "healthy" });
  const noRootMfa = addAccount(scenario, { name: "no-root-mfa", root: { mfa: "none", hasPassword: true } });
  noRootMfa.iam.users.push(user(scenario, "console-no-mfa", { console: true, mfa: "none" }));
  const suspended = addAccount(scenario, { name: "closed-down", state: "SUSPENDED" });
  return { scenario, ids: { healthy: healthy.id, noRootMfa: noRootMfa.id, suspended: suspended.id } };
}

describe("a scan of an organisation", () => {
  const { scenario, ids } = smallOrganisation();
  let harness: ScanHarness;
  beforeAll(async () => {
    harness = await startScanHarness({ scenario, env: { TENFOLD_REGIONS: REGIONS } });
  });
  afterAll(() => harness?.stop());

  it("scores every active account, skips suspended ones and records API calls", async () => {
    const document = await harness.scan({ slot: "2026-11-29T06:00:00Z" });
    expect(document.state).toBe("succeeded");
    const byId = new Map(document.accounts.map((account) => [account.accountId, account]));
    expect(byId.get(ids.suspended)?.status).toBe("skipped");
    for (const id of [ids.healthy, ids.noRootMfa, scenario.management.accountId]) {
      const account = byId.get(id);
      expect(account?.status === "ok" || account?.status === "partial").toBe(true);
      expect(account?.items).toHaveLength(10);
    }
    const rootMfa = byId.get(ids.noRootMfa)?.items.find((item) => item.item === 2)?.checks.find((check) => check.id === "i2.root_mfa");
    expect(rootMfa?.result).toBe("fail");
    const consoleMfa = byId.get(ids.noRootMfa)?.items.find((item) => item.item === 2)?.checks.find((check) => check.id === "i2.console_users_mfa");
    expect(consoleMfa?.result).toBe("fail");
    expect(JSON.stringify(consoleMfa?.resources)).toContain("console-no-mfa");
    expect(byId.get(ids.healthy)?.items.find((item) => item.item === 2)?.checks.find((check) => check.id === "i2.root_mfa")?.result).toBe("pass");
    expect(document.apiCalls.sts).toBeGreaterThanOrEqual(3);
    expect(document.apiCalls.iam).toBeGreaterThan(0);
  });

  it("starts no second scan and writes no duplicate rows for the same schedule slot", async () => {
    const before = await harness.connection.db.select({ n: count() }).from(accountSnapshots);
    const again = await harness.scan({ slot: "2026-11-29T06:00:00Z" });
    const after = await harness.connection.db.select({ n: count() }).from(accountSnapshots);
    expect(after[0]?.n).toBe(before[0]?.n);
    const slotScans = await harness.connection.db.select().from(scans).where(eq(scans.slot, "2026-11-29T06:00:00Z"));
    expect(slotScans).toHaveLength(1);
    expect(again.scanId).toBe(slotScans[0]?.id);
  });
});

describe("a scan under faults", () => {
  const { scenario, ids } = smallOrganisation();
  let harness: ScanHarness;
  beforeAll(async () => {
    harness = await startScanHarness({ scenario, env: { TENFOLD_REGIONS: REGIONS, TENFOLD_AWS_MAX_ATTEMPTS: "10" } });
  });
  afterAll(() => harness?.stop());

  it("completes with throttling everywhere, a denied account and a slow Region, losing nothing", async () => {
    const first = await harness.scan({ asOf: new Date("2026-11-28T10:00:00Z") });
    expect(first.state).toBe("succeeded");

    harness.sandbox.update((s) => {
      s.accounts[ids.noRootMfa]!.assumeRole = { allowed: false };
    });
    harness.sandbox.setFaults([
      { errorRate: 0.2 },
      { region: "eu-west-1", service: "ec2", latencyMs: 5000 },
    ]);
    const second = await harness.scan({ asOf: new Date("2026-11-29T10:00:00Z") });
    harness.sandbox.setFaults([]);

    expect(second.state).toBe("partial");
    const byId = new Map(second.accounts.map((account) => [account.accountId, account]));
    expect(byId.get(ids.noRootMfa)?.status).toBe("failed");
    expect(byId.get(ids.noRootMfa)?.error?.code).toMatch(/AccessDenied/);
    for (const id of [ids.healthy, scenario.management.accountId]) {
      expect(["ok", "partial"]).toContain(byId.get(id)?.status);
    }
    // Every unknown says why.
    for (const account of second.accounts) {
      for (const item of account.items) {
        for (const check of item.checks.filter((c) => c.result === "unknown")) expect(check.reason.length).toBeGreaterThan(0);
      }
    }
    // The denied account keeps the snapshot of the first scan as its latest result.
    const latest = await harness.connection.db.select().from(latestItemResults).where(eq(latestItemResults.accountId, ids.noRootMfa));
    expect(latest).toHaveLength(10);
    expect(new Set(latest.map((row) => row.scanId))).toEqual(new Set([first.scanId]));
    // Throttled requests happened and were retried.
    expect(harness.sandbox.requests.count({ status: 400 }) + harness.sandbox.requests.count({ status: 429 }) + harness.sandbox.requests.count({ status: 503 })).toBeGreaterThan(0);
  });
});

describe("secret values", () => {
  const PLANTED = ["AKIAPLANTEDFAKE00042", "hunter2hunter2-planted", "ghp_plantedFAKEtoken0123456789abcdefghijkl"];
  let harness: ScanHarness;
  beforeAll(async () => {
    const scenario = createScenario();
    const account = addAccount(scenario, { name: "leaky" });
    account.regions["us-east-1"] = {
      lambdaFunctions: [
        {
          FunctionName: "orders-api",
          FunctionArn: `arn:aws:lambda:us-east-1:${account.id}:function:orders-api`,
          Runtime: "nodejs22.x",
          Environment: { Variables: { AWS_ACCESS_KEY_ID: PLANTED[0]!, DB_URL: `postgres://app:${PLANTED[1]}@db/app`, GITHUB_TOKEN: PLANTED[2]! } },
        },
      ],
    };
    harness = await startScanHarness({ scenario, env: { TENFOLD_REGIONS: "us-east-1" } });
  });
  afterAll(() => harness?.stop());

  it("are never stored: no text or json column anywhere holds a planted value", async () => {
    const document = await harness.scan();
    const lambdaCheck = document.accounts.flatMap((a) => a.items).flatMap((i) => i.checks).find((c) => c.id === "i3.lambda_env_secrets" && c.result === "fail");
    expect(lambdaCheck).toBeDefined();
    const columns = await harness.connection.db.execute<{ table_schema: string; table_name: string; column_name: string }>(sql`
      select table_schema, table_name, column_name from information_schema.columns
      where table_schema not in ('pg_catalog', 'information_schema') and data_type in ('text', 'jsonb', 'json', 'character varying')`);
    expect(columns.rows.length).toBeGreaterThan(10);
    for (const column of columns.rows) {
      for (const planted of PLANTED) {
        const hits = await harness.connection.db.execute(
          sql`select 1 from ${sql.identifier(column.table_schema)}.${sql.identifier(column.table_name)} where ${sql.identifier(column.column_name)}::text like ${`%${planted}%`} limit 1`,
        );
        expect(hits.rows, `${column.table_schema}.${column.table_name}.${column.column_name} holds a planted secret`).toHaveLength(0);
      }
    }
    const checksStored = await harness.connection.db.select({ n: count() }).from(checkResults);
    expect(checksStored[0]?.n).toBeGreaterThan(0);
  });
});
