import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect, describeDbError, openDatabase } from "./client";
import { lockFilePath, readLiveLock, startEmbeddedPostgres } from "./embedded";
import { migrateDatabase } from "./migrate";
import { accounts, accountSnapshots, scans } from "./schema";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());

// Each test makes its own accounts, so suites never depend on or wipe each other's rows.
function uniqueAccountId(): string {
  return String(Math.floor(1e11 + Math.random() * 8.99e11));
}

describe(`database (${inject("databaseMode")})`, () => {
  it("has every table of the data model after migration", async () => {
    const result = await connection.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = result.rows.map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "accounts",
        "scans",
        "account_snapshots",
        "item_results",
        "check_results",
        "latest_item_results",
        "check_states",
        "account_daily",
        "account_item_daily",
        "org_daily",
        "exceptions",
        "attestations",
        "audit_log",
        "users",
        "sessions",
      ]),
    );
  });

  it("applies migrations idempotently", async () => {
    await migrateDatabase(connection);
    await migrateDatabase(connection);
    const applied = await connection.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it("keeps one snapshot per (scan, account): a re-run cannot duplicate it", async () => {
    const accountId = uniqueAccountId();
    await connection.db.insert(accounts).values({ id: accountId, name: "dup-test", email: "dup@example.com", state: "ACTIVE" });
    const [scan] = await connection.db.insert(scans).values({ trigger: "cli", asOf: new Date() }).returning({ id: scans.id });
    const row = { scanId: scan!.id, accountId, status: "ok" as const, evaluatedAt: new Date(), score: 80 };
    await connection.db.insert(accountSnapshots).values(row).onConflictDoNothing();
    await connection.db.insert(accountSnapshots).values({ ...row, score: 90 }).onConflictDoNothing();
    await expect(connection.db.insert(accountSnapshots).values(row)).rejects.toThrow();
    const stored = await connection.db.select().from(accountSnapshots).where(eq(accountSnapshots.accountId, accountId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.score).toBe(80);
  });

  it("refuses a second scan for the same schedule slot", async () => {
    const slot = `test-slot-${uniqueAccountId()}`;
    await connection.db.insert(scans).values({ trigger: "schedule", slot, asOf: new Date() });
    await expect(connection.db.insert(scans).values({ trigger: "schedule", slot, asOf: new Date() })).rejects.toThrow();
  });
});

describe("embedded PGlite folder", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tenfold-pglite-"));
    dirs.push(dir);
    return dir;
  };

  it("keeps written data across a restart", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ databaseUrl: undefined, dataDir });
    await migrateDatabase(first);
    await first.db.insert(accounts).values({ id: "111122223333", name: "persisted", email: "p@example.com", state: "ACTIVE" });
    await first.close();

    const second = await openDatabase({ databaseUrl: undefined, dataDir });
    const rows = await second.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, "111122223333"));
    await second.close();
    expect(rows).toEqual([{ name: "persisted" }]);
  });

  it("lets a second process reach the folder through its owner instead of opening it twice", async () => {
    const dataDir = tempDir();
    const owner = await startEmbeddedPostgres({ dataDir });
    const refusal = await startEmbeddedPostgres({ dataDir }).catch((error: Error) => error);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(/already open in process/);
    expect((refusal as Error).message).not.toContain(readLiveLock(dataDir)!.password);
    const client = await openDatabase({ databaseUrl: undefined, dataDir });
    const result = await client.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(result.rows[0]?.one).toBe(1);
    await client.close();
    await owner.stop();
  });

  it("keeps the server's password in a lock file only the owner may read, inside a private folder", async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    const owner = await startEmbeddedPostgres({ dataDir });
    try {
      expect(statSync(lockFilePath(dataDir)).mode & 0o777).toBe(0o600);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const lock = readLiveLock(dataDir)!;
      expect(lock.password).toMatch(/^[\w-]{43}$/);
      expect(new URL(owner.url).password).toBe(lock.password);
    } finally {
      await owner.stop();
    }
  });

  it("ignores a stale lock left by a process that died", async () => {
    const dataDir = tempDir();
    writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: 2 ** 22 + 17, port: 1, startedAt: "" }));
    const handle = await startEmbeddedPostgres({ dataDir });
    await handle.stop();
  });
});

describe("describeDbError", () => {
  it("turns a refused connection into one actionable line", async () => {
    const bad = connect("postgres://root@127.0.0.1:1/nothing");
    const error = await bad.pool.query("select 1").catch((caught: unknown) => caught);
    await bad.close();
    const line = describeDbError(error);
    expect(line).toContain("connection refused");
    expect(line).not.toContain("\n");
  });
});
