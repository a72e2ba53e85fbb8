// Owner isolation in the data layer: owner A never sees owner B's accounts, by tag or by OU mapping.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { accountDaily, accounts, accountSnapshots, scans } from "@/db/schema";
import { NotFoundError, OutOfScopeError } from "@/lib/auth/errors";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { getAccountForViewer, listAccounts } from "./accounts";
import { getOrgOverview } from "./overview";

const connection = connect(inject("databaseUrl"), { max: 4 });
afterAll(() => connection.close());
const db = connection.db;

// Each run makes its own organisation: unique ids, team names and OU paths, so suites never collide.
const run = randomUUID().slice(0, 8);
const accountId = () => String(Math.floor(1e11 + Math.random() * 8.99e11));
const teamA = `team-a-${run}`;
const teamB = `team-b-${run}`;
const ouOwners = [{ ouPath: `Workloads-${run}/Payments`, owner: teamA }];

function viewerFor(role: Viewer["role"], email: string | null, groups: string[]): Viewer {
  const scope = ownerScope(email, groups, { ouOwners });
  return { id: randomUUID(), email, name: email ?? "x", role, ...scope, demo: false };
}

const ownerA = viewerFor("owner", `alice-${run}@example.com`, [teamA]);
const ownerB = viewerFor("owner", `bob-${run}@example.com`, [teamB]);
const nobody = viewerFor("owner", `nobody-${run}@example.com`, []);
const viewer = viewerFor("viewer", `ciso-${run}@example.com`, ["ciso"]);

const ids = { aTagged: accountId(), aByEmail: accountId(), aByOu: accountId(), aByOuChild: accountId(), b: accountId(), bLookalikeOu: accountId() };

beforeAll(async () => {
  await db.insert(accounts).values([
    { id: ids.aTagged, name: `a-tagged-${run}`, email: "a1@example.com", state: "ACTIVE", owner: teamA.toUpperCase() },
    { id: ids.aByEmail, name: `a-email-${run}`, email: "a2@example.com", state: "ACTIVE", owner: `Alice-${run}@Example.com` },
    { id: ids.aByOu, name: `a-ou-${run}`, email: "a3@example.com", state: "ACTIVE", ouPath: `Root/Workloads-${run}/Payments` },
    { id: ids.aByOuChild, name: `a-ou-child-${run}`, email: "a4@example.com", state: "ACTIVE", ouPath: `Root/Workloads-${run}/Payments/Prod` },
    { id: ids.b, name: `b-${run}`, email: "b1@example.com", state: "ACTIVE", owner: teamB },
    // Same prefix text, different OU: "Payments-Legacy" is not under "Payments".
    { id: ids.bLookalikeOu, name: `b-lookalike-${run}`, email: "b2@example.com", state: "ACTIVE", owner: teamB, ouPath: `Root/Workloads-${run}/Payments-Legacy` },
  ]);
  const [scan] = await db.insert(scans).values({ trigger: "cli", asOf: new Date() }).returning({ id: scans.id });
  const day = `2001-01-${String(1 + Math.floor(Math.random() * 27)).padStart(2, "0")}`;
  for (const [id, score] of [[ids.aTagged, 80], [ids.b, 20]] as const) {
    const [snapshot] = await db
      .insert(accountSnapshots)
      .values({ scanId: scan!.id, accountId: id, status: "ok", evaluatedAt: new Date(), score })
      .returning({ id: accountSnapshots.id });
    await db.insert(accountDaily).values({ accountId: id, day, score, snapshotId: snapshot!.id });
  }
});

const mine = (rows: { id: string }[]) => rows.map((row) => row.id).filter((id) => Object.values(ids).includes(id)).sort();

describe("listAccounts", () => {
  it("gives owner A their accounts by tag (group or email, any case) and by OU, and none of B's", async () => {
    expect(mine(await listAccounts(ownerA, db))).toEqual([ids.aTagged, ids.aByEmail, ids.aByOu, ids.aByOuChild].sort());
  });

  it("gives owner B only B's accounts", async () => {
    expect(mine(await listAccounts(ownerB, db))).toEqual([ids.b, ids.bLookalikeOu].sort());
  });

  it("gives an owner with no mapping an empty list, not an error", async () => {
    expect(mine(await listAccounts(nobody, db))).toEqual([]);
  });

  it("gives a viewer every account", async () => {
    expect(mine(await listAccounts(viewer, db))).toEqual(Object.values(ids).sort());
  });
});

describe("getAccountForViewer", () => {
  it("returns owner A's own account", async () => {
    expect((await getAccountForViewer(ownerA, ids.aByOu, db)).id).toBe(ids.aByOu);
  });

  it("answers owner B's account to owner A as not found (out of scope, so it is audited)", async () => {
    const error = await getAccountForViewer(ownerA, ids.b, db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutOfScopeError);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it("answers a missing account as plain not found", async () => {
    const error = await getAccountForViewer(ownerA, "000000000000", db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(OutOfScopeError);
  });
});

describe("getOrgOverview", () => {
  it("counts only the owner's accounts and scores them from their own rollups", async () => {
    const overviewA = await getOrgOverview(ownerA, db);
    expect(overviewA.scope).toBe("own");
    expect(overviewA.accountCount).toBe(4);
    expect(overviewA.latestDay?.score).toBe(80);
    expect(overviewA.latestDay?.accountsScored).toBe(1);
    const overviewB = await getOrgOverview(ownerB, db);
    expect(overviewB.accountCount).toBe(2);
    expect(overviewB.latestDay?.score).toBe(20);
  });

  it("shows an owner with no account zero accounts", async () => {
    const overview = await getOrgOverview(nobody, db);
    expect(overview.accountCount).toBe(0);
    expect(overview.latestDay).toBeNull();
  });

  it("shows a viewer the organisation", async () => {
    const overview = await getOrgOverview(viewer, db);
    expect(overview.scope).toBe("organisation");
    expect(overview.accountCount).toBeGreaterThanOrEqual(6);
  });
});
