import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { listAudit } from "@/db/store/audit";
import { signedInContext } from "./support/auth";
import { withAuthAppDb } from "./support/auth-app-db";
import { AUTH_APP_URL } from "./support/oidc-users";
import { expectOnlyOwnerReaches } from "./support/owner-isolation";

// Owner A gets 404 — never 403 — for owner B's account on every surface. Olivia is in team-a, Oscar in
// team-b (e2e/support/oidc-users.ts); team-a also owns the Workloads/Payments OU (scripts/e2e-server.sh).
const OSCARS_ACCOUNT = "222200002222"; // owner tag team-b
const OLIVIAS_OU_ACCOUNT = "111100003333"; // no owner tag; under Root/Workloads/Payments/Prod

test.beforeAll(async () => {
  await withAuthAppDb(async (db) => {
    await db
      .insert(accounts)
      .values([
        { id: "111100001111", name: "payments-dev", email: "p-dev@example.com", state: "ACTIVE", owner: "team-a" },
        { id: OSCARS_ACCOUNT, name: "search-prod", email: "s-prod@example.com", state: "ACTIVE", owner: "team-b" },
        { id: OLIVIAS_OU_ACCOUNT, name: "payments-prod", email: "p-prod@example.com", state: "ACTIVE", ouPath: "Root/Workloads/Payments/Prod" },
      ])
      .onConflictDoUpdate({ target: accounts.id, set: { owner: sql`excluded.owner`, ouPath: sql`excluded.ou_path` } });
  });
});

test("API: Olivia gets 404 for Oscar's account, which Oscar reads; the refusal is audited", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/api/accounts/${OSCARS_ACCOUNT}`, { owner: "oscar", intruder: "olivia" });
  const [denied] = await withAuthAppDb((db) => listAudit(db, { actor: "olivia@example.com", action: "auth.denied", limit: 1 }));
  expect(denied).toMatchObject({ outcome: "denied", targetType: "account", targetId: OSCARS_ACCOUNT });
});

test("API: an account owned through the OU mapping is Olivia's and not Oscar's", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/api/accounts/${OLIVIAS_OU_ACCOUNT}`, { owner: "olivia", intruder: "oscar" });
});

test("API: a bad account id is a 400, a missing one a plain 404", async ({ browser }) => {
  const context = await signedInContext(browser, "vera");
  expect((await context.request.get("/api/accounts/not-an-id")).status()).toBe(400);
  expect((await context.request.get("/api/accounts/999999999999")).status()).toBe(404);
  expect((await context.request.get(`/api/accounts/${OSCARS_ACCOUNT}`)).status()).toBe(200);
  await context.close();
});

test("account page /accounts/[accountId]: Olivia gets 404 for Oscar's account", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/accounts/${OSCARS_ACCOUNT}`, { owner: "oscar", intruder: "olivia" });
});

test("drill-down /accounts/[accountId]/items/[item]: Olivia gets 404 for Oscar's account", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/accounts/${OSCARS_ACCOUNT}/items/1`, { owner: "oscar", intruder: "olivia" });
});

test("rescan POST /api/accounts/[accountId]/rescan: Olivia gets 404 for Oscar's account", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/api/accounts/${OSCARS_ACCOUNT}/rescan`, { owner: "oscar", intruder: "olivia", method: "POST" });
});

test("checks export /api/accounts/[accountId]/checks/export: Olivia gets 404 for Oscar's account", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/api/accounts/${OSCARS_ACCOUNT}/checks/export?format=json`, { owner: "oscar", intruder: "olivia" });
});

test("JSON export /api/accounts/export?format=json: Olivia's export holds her accounts and none of Oscar's", async ({ browser }) => {
  const context = await signedInContext(browser, "olivia");
  const response = await context.request.get("/api/accounts/export?format=json");
  expect(response.status()).toBe(200);
  const ids = ((await response.json()) as { accounts: { account_id: string }[] }).accounts.map((account) => account.account_id);
  expect(ids).toContain(OLIVIAS_OU_ACCOUNT);
  expect(ids).not.toContain(OSCARS_ACCOUNT);
  await context.close();
});

test("CSV export /api/accounts/export: Olivia's export holds her accounts and none of Oscar's", async ({ browser }) => {
  const context = await signedInContext(browser, "olivia");
  const response = await context.request.get("/api/accounts/export");
  expect(response.status()).toBe(200);
  const csv = await response.text();
  expect(csv).toContain(OLIVIAS_OU_ACCOUNT);
  expect(csv).not.toContain(OSCARS_ACCOUNT);
  await context.close();
});

const exceptionBody = { checkId: "i4.sg_admin_ports_open", category: "accepted_risk", reason: "bastion reachable only over the VPN", expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) };
const attestationBody = (accountId: string) => ({ checkId: "i10.dev_cycle_attested", accountIds: [accountId], statement: "security joins every design review" });

test("exception POST /api/accounts/[accountId]/exceptions: Oscar's account is a 404 for Olivia; for Oscar a clear 400 until it has been scanned", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, `/api/accounts/${OSCARS_ACCOUNT}/exceptions`, { owner: "oscar", intruder: "olivia", method: "POST", data: exceptionBody, ownerStatus: 400 });
  const context = await signedInContext(browser, "oscar");
  const response = await context.request.post(`/api/accounts/${OSCARS_ACCOUNT}/exceptions`, { data: exceptionBody, headers: { origin: AUTH_APP_URL } });
  expect(((await response.json()) as { error: string }).error).toMatch(/no result for account .* yet/);
  await context.close();
});

test("attestation POST /api/attestations: Olivia cannot attest for Oscar's account (404), Oscar can (201), the viewer role may not (403), a bad body is a 400", async ({ browser }) => {
  await expectOnlyOwnerReaches(browser, "/api/attestations", { owner: "oscar", intruder: "olivia", method: "POST", data: attestationBody(OSCARS_ACCOUNT), ownerStatus: 201 });
  const vera = await signedInContext(browser, "vera");
  expect((await vera.request.post("/api/attestations", { data: attestationBody(OSCARS_ACCOUNT), headers: { origin: AUTH_APP_URL } })).status()).toBe(403);
  await vera.close();
  const oscar = await signedInContext(browser, "oscar");
  const bad = await oscar.request.post("/api/attestations", { data: { ...attestationBody(OSCARS_ACCOUNT), accountIds: [] }, headers: { origin: AUTH_APP_URL } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain("choose at least one account");
  await oscar.close();
  const [created] = await withAuthAppDb((db) => listAudit(db, { actor: "oscar@example.com", action: "attestation.create", limit: 1 }));
  expect(created).toMatchObject({ outcome: "success", targetType: "account", targetId: OSCARS_ACCOUNT });
});
