// "Rescan now" authorisation in the data layer: out of scope → not found, viewer role → forbidden,
// owner in scope → a one-account rescan recorded and enqueued.
import { randomUUID } from "node:crypto";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { upsertDiscoveredAccounts } from "@/db/store/accounts";
import { getScanRow } from "@/db/store/scans";
import { ForbiddenError, OutOfScopeError } from "@/lib/auth/errors";
import { ownerScope } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { requestRescan } from "./rescan";

const connection = connect(inject("databaseUrl"), { max: 2 });
afterAll(() => connection.close());
const db = connection.db;

const run = randomUUID().slice(0, 8);
const mine = String(Math.floor(1e11 + Math.random() * 8.99e11));
const theirs = String(Math.floor(1e11 + Math.random() * 8.99e11));
const viewerFor = (role: Viewer["role"], groups: string[]): Viewer => ({
  id: randomUUID(),
  email: `${role}-${run}@example.com`,
  name: role,
  role,
  ...ownerScope(`${role}-${run}@example.com`, groups, { ouOwners: [] }),
  demo: false,
});

// Records what would be enqueued; the queue itself is covered by lib/scan's tests.
const sent: { queue: string; data: unknown }[] = [];
const boss = async () => ({ send: async (queue: string, data: unknown) => (sent.push({ queue, data }), "job") }) as unknown as PgBoss;

beforeAll(async () => {
  await upsertDiscoveredAccounts(
    db,
    [
      { id: mine, name: `mine-${run}`, email: "m@example.com", state: "ACTIVE", ouId: null, ouPath: "Root", tags: {}, owner: `rescan-a-${run}` },
      { id: theirs, name: `theirs-${run}`, email: "t@example.com", state: "ACTIVE", ouId: null, ouPath: "Root", tags: {}, owner: `rescan-b-${run}` },
    ],
    { complete: false },
  );
});

describe("requestRescan", () => {
  it("answers another owner's account as not found and enqueues nothing", async () => {
    await expect(requestRescan(viewerFor("owner", [`rescan-a-${run}`]), theirs, { db, boss })).rejects.toBeInstanceOf(OutOfScopeError);
    expect(sent).toHaveLength(0);
  });

  it("forbids the read-only viewer role", async () => {
    await expect(requestRescan(viewerFor("viewer", ["ciso"]), mine, { db, boss })).rejects.toBeInstanceOf(ForbiddenError);
    expect(sent).toHaveLength(0);
  });

  it("records and enqueues a one-account rescan for the owner", async () => {
    const owner = viewerFor("owner", [`rescan-a-${run}`]);
    const { scanId } = await requestRescan(owner, mine, { db, boss });
    const scan = await getScanRow(db, scanId);
    expect(scan).toMatchObject({ trigger: "rescan", accountFilter: [mine], requestedBy: owner.email, state: "queued" });
    expect(sent).toEqual([expect.objectContaining({ data: { scanId } })]);
  });
});
