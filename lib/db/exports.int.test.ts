// The exports read back with a standard CSV parser and match what the pages show: the accounts list
// (listAccountSummaries + the URL filters) and the drill-down checks, with formula cells neutralised.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { getScanResultDocument } from "@/db/store/scan-results";
import { createScan, finalizeScan, markScanRunning } from "@/db/store/scans";
import { writeScoredSnapshot } from "@/db/store/snapshots";
import { accountsCsv } from "@/lib/accounts-export";
import { applyAccountFilters, parseAccountFiltersStrict } from "@/lib/accounts-filter";
import { OutOfScopeError } from "@/lib/auth/errors";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { compareChecksByUrgency } from "@/lib/check-order";
import { checksCsv, RESOURCE_SEPARATOR } from "@/lib/checks-export";
import type { AccountScore, CheckResult, ItemResult } from "@/lib/scoring/types";
import { listAccountChecks } from "./account-checks";
import { formatScore } from "@/lib/format";
import { listAccountSummaries } from "./account-summaries";
import { getItemDrillDown } from "./item-details";
import { getScanProgress } from "./scans";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;

const run = randomUUID().slice(0, 8);
const team = `=team-${run}`; // an owner tag a spreadsheet would run as a formula
const newId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));
const ids = { formula: newId(), plain: newId(), theirs: newId() };
const names = { formula: `=HYPERLINK("http://evil.example","open ${run}")`, plain: `plain, "quoted" ${run}`, theirs: `theirs-${run}` };

function viewerFor(role: Viewer["role"], groups: string[]): Viewer {
  return { id: randomUUID(), email: `${role}-${run}@example.com`, name: role, role, ...ownerScope(null, groups, { ouOwners: [] }), demo: false };
}
const owner = viewerFor("owner", [team]);
const ciso = viewerFor("viewer", ["ciso"]);

const at = new Date(Date.now() - 60_000);

function score(accountId: string, itemScore: number): AccountScore {
  const items: ItemResult[] = Array.from({ length: 10 }, (_, index) => {
    const item = (index + 1) as ItemResult["item"];
    const checks: CheckResult[] =
      item === 2
        ? [
            { id: "i2.root_mfa", item: 2, result: "fail", severity: "critical", reason: "=root has no MFA", resources: [{ kind: "root", id: `arn:aws:iam::${accountId}:root` }] },
            { id: "i2.console_users_mfa", item: 2, result: "pass", severity: "high", reason: "all users, \"even admins\", have MFA", resources: [] },
          ]
        : item === 4
          ? [{ id: "i4.sg_admin_ports_open", item: 4, result: "warn", severity: "high", reason: "two rules", resources: [{ kind: "sg-rule", id: "sg-1/tcp/22" }, { kind: "sg-rule", id: "sg-2/tcp/3389" }], truncated: 5 }]
          : [];
    const value = item === 2 ? 40 : itemScore;
    return { item, key: "mfa", title: `item ${item}`, score: value, status: value === 100 ? "green" : value >= 60 ? "amber" : "red", coverage: 1, checks, explanation: `item ${item}: ${value}` };
  });
  return { accountId, items, score: items.reduce((sum, item) => sum + (item.score ?? 0), 0) / items.length, status: "amber", coverage: 1 };
}

let scanId = "";

beforeAll(async () => {
  await upsertDiscoveredAccounts(
    db,
    [
      { id: ids.formula, name: names.formula, email: `f-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Exp-${run}`, tags: { owner: team }, owner: team },
      { id: ids.plain, name: names.plain, email: `p-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Exp-${run}`, tags: { owner: team }, owner: team },
      { id: ids.theirs, name: names.theirs, email: `t-${run}@example.com`, state: "ACTIVE", ouId: null, ouPath: `Root/Other-${run}`, tags: {}, owner: `other-${run}` },
    ],
    { complete: false },
  );
  scanId = (await createScan(db, { trigger: "cli", asOf: at })).id;
  await markScanRunning(db, scanId, { accountsTotal: 3, orgEvidence: {}, apiCalls: {} });
  for (const [id, itemScore] of [[ids.formula, 70], [ids.plain, 90], [ids.theirs, 50]] as const) {
    await writeScoredSnapshot(db, { scanId, accountId: id, status: "ok", evaluatedAt: at, startedAt: at, finishedAt: at, apiCalls: {}, score: score(id, itemScore) });
  }
  await finalizeScan(db, scanId);
});

/** What a spreadsheet shows for a cell the export wrote: formulas arrive as text behind an apostrophe. */
const shown = (value: string | null) => (value === null ? "" : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe("accounts CSV", () => {
  it("parses with a standard parser into exactly the rows and values the list shows, formulas neutralised", async () => {
    const filters = parseAccountFiltersStrict(new URLSearchParams({ q: run, sort: "score", dir: "desc" }));
    const rows = applyAccountFilters(await listAccountSummaries(owner, db), filters);
    const records = parse(accountsCsv(rows), { columns: true }) as Record<string, string>[];
    expect(records.map((record) => record.account_id)).toEqual([ids.plain, ids.formula]);
    expect(records.map((record) => record.account_id)).toEqual(rows.map((row) => row.id));
    for (const [index, row] of rows.entries()) {
      expect(records[index]).toMatchObject({
        name: shown(row.name),
        email: row.email,
        ou_path: row.ouPath,
        owner: shown(row.owner),
        score: formatScore(row.score),
        coverage: "100",
        status: row.status === "green" ? "pass" : row.status === "amber" ? "partial" : "failing",
        failing_items: String(row.redItems),
        last_scanned: row.lastScannedAt!.toISOString(),
        item_2: "failing",
      });
    }
    const formula = records.find((record) => record.account_id === ids.formula)!;
    expect(formula.name).toBe(`'${names.formula}`);
    expect(formula.owner).toBe(`'${team}`);
    expect(records.find((record) => record.account_id === ids.plain)?.name).toBe(names.plain);
  });

  it("holds only the viewer's accounts", async () => {
    const rows = applyAccountFilters(await listAccountSummaries(owner, db), {});
    expect(rows.map((row) => row.id)).not.toContain(ids.theirs);
    const all = applyAccountFilters(await listAccountSummaries(ciso, db), { q: run });
    expect(all.map((row) => row.id).sort()).toEqual(Object.values(ids).sort());
  });
});

describe("checks CSV of one account", () => {
  it("parses into the checks the ten drill-down pages show, in their order", async () => {
    const checks = await listAccountChecks(owner, ids.formula, db);
    const records = parse(checksCsv(checks), { columns: true }) as Record<string, string>[];
    const shownOnPages = [];
    for (let item = 1; item <= 10; item++) {
      const detail = await getItemDrillDown(owner, ids.formula, item, db);
      shownOnPages.push(...[...(detail?.checks ?? [])].sort(compareChecksByUrgency).map((check) => ({ item, ...check })));
    }
    expect(records).toHaveLength(shownOnPages.length);
    expect(records.map((record) => record.check_id)).toEqual(["i2.root_mfa", "i2.console_users_mfa", "i4.sg_admin_ports_open"]);
    for (const [index, check] of shownOnPages.entries()) {
      const failing = check.result === "fail" || check.result === "warn";
      expect(records[index]).toMatchObject({
        item: String(check.item),
        check_id: check.checkId,
        result: check.result,
        severity: check.severity,
        reason: shown(check.reason),
        resources: check.resources.map((resource) => resource.id).join(RESOURCE_SEPARATOR),
        resources_truncated: String(check.resourcesTruncated),
        first_seen_failing: failing ? check.since!.toISOString() : "",
        original_result: "",
        override_id: "",
      });
    }
    expect(records[0]?.reason).toBe("'=root has no MFA");
  });

  it("answers another owner's account as out of scope (404)", async () => {
    await expect(listAccountChecks(owner, ids.theirs, db)).rejects.toBeInstanceOf(OutOfScopeError);
  });
});

describe("GET /api/scans/<id>", () => {
  it("returns the scan result document, limited to the viewer's accounts", async () => {
    const progress = await getScanProgress(owner, scanId, db);
    const full = await getScanResultDocument(db, scanId);
    expect(progress.result).toEqual({ ...full, accounts: full!.accounts.filter((account) => account.accountId !== ids.theirs) });
    expect(progress.result?.accounts.find((account) => account.accountId === ids.formula)?.items.find((item) => item.item === 2)?.checks).toHaveLength(2);
  });
});
