import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { AccountPage, AccountsPage, checkPage, OverviewPage } from "./pages/dashboard-pages";

// Runs against the demo organisation with its backfilled timeline (scripts/e2e-server.sh … dashboard).

test("a CISO follows a red heatmap cell to the checks behind it and finds how to fix them", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open();
  await expect(page.getByRole("heading", { name: "Organisation score", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "The ten items" })).toBeVisible();
  await checkPage(page, "overview");

  const cell = overview.failingCell();
  const label = await cell.getAttribute("aria-label");
  await cell.click();
  await expect(page).toHaveURL(/\/accounts\/\d{12}\/items\/(10|[1-9])$/);
  await expect(page.getByRole("heading", { level: 2, name: "Checks" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why this item matters" })).toBeVisible();
  // A failing check opens its guidance: steps to fix and AWS documentation links.
  const failing = page.getByRole("article").filter({ has: page.getByText(/^(✕?\s*Fail|▲?\s*Warning)$/) }).first();
  await expect(failing).toBeVisible();
  await expect(failing.getByRole("heading", { name: "How to fix" })).toBeVisible();
  await expect(failing.getByRole("link", { name: /AWS documentation/ }).first()).toHaveAttribute("href", /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
  expect(label).toMatch(/Failing/);
  await checkPage(page, "item-drill-down");
});

test("an account owner filters the accounts by OU and failing item, and the URL keeps the filters", async ({ page }) => {
  const accounts = new AccountsPage(page);
  await accounts.open();
  await checkPage(page, "accounts");
  const total = await accounts.rows().count();
  expect(total).toBeGreaterThan(5);

  const ouOption = "Root/Workloads";
  await expect(accounts.ou().locator("option", { hasText: /^Root\/Workloads$/ })).toHaveCount(1);
  // The item that fails in some, not all, of the Workloads accounts in this demo timeline.
  let item = 0;
  for (let candidate = 1; candidate <= 10 && item === 0; candidate++) {
    const csv = await page.request.get(`/api/accounts/export?ou=${encodeURIComponent(ouOption)}&failing=${candidate}`);
    if ((await csv.text()).trim().split("\r\n").length > 1) item = candidate;
  }
  expect(item).toBeGreaterThan(0);
  await accounts.ou().selectOption({ label: ouOption });
  await accounts.failingItem().selectOption(String(item));
  await accounts.apply();
  await expect(page).toHaveURL(/[?&]ou=Root%2FWorkloads(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]failing=${item}(&|$)`));
  const filtered = await accounts.rows().count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);
  for (const ouCell of await accounts.rows().locator("td:nth-child(7)").allTextContents()) expect(ouCell).toContain("Workloads");

  // The URL alone restores the same view.
  const url = page.url();
  await page.goto("/");
  await page.goto(url);
  await expect(accounts.ou()).toHaveValue(ouOption);
  await expect(accounts.failingItem()).toHaveValue(String(item));
  await expect(accounts.rows()).toHaveCount(filtered);

  // CSV export of what is shown.
  const csv = await page.request.get(`/api/accounts/export${new URL(url).search}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(filtered + 1);
  await checkPage(page, "accounts-filtered");
});

test("a CISO downloads the accounts CSV and it holds the table shown, row for row", async ({ page }) => {
  const accounts = new AccountsPage(page);
  await accounts.open("?sort=score");
  const [download] = await Promise.all([page.waitForEvent("download"), accounts.exportCsv().click()]);
  expect(download.suggestedFilename()).toMatch(/^tenfold-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(await readFile(await download.path()), { columns: true }) as Record<string, string>[];
  const table = await accounts.rows().evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "");
      return { name: row.querySelector("th a")?.textContent?.trim() ?? "", id: row.querySelector("th div")?.textContent?.trim() ?? "", score: cells[1], coverage: cells[2]?.match(/\d+%|—/)?.[0], failing: cells[4], owner: cells[5], ou: cells[6] };
    }),
  );
  expect(table.length).toBeGreaterThan(5);
  expect(
    records.map((record) => ({
      name: record.name!.replace(/^'(?=[=+\-@])/, ""),
      id: record.account_id,
      score: record.score || "—",
      coverage: record.coverage ? `${record.coverage}%` : "—",
      failing: record.failing_items,
      owner: record.owner || "—",
      ou: record.ou_path,
    })),
  ).toEqual(table);

  // The JSON export beside it holds the same accounts.
  const json = await page.request.get("/api/accounts/export?sort=score&format=json");
  expect(json.headers()["content-type"]).toContain("application/json");
  expect(((await json.json()) as { accounts: { account_id: string }[] }).accounts.map((account) => account.account_id)).toEqual(table.map((row) => row.id));
});

test("an account owner downloads one account's checks as CSV and JSON", async ({ page }) => {
  const accounts = new AccountsPage(page);
  await accounts.open("?sort=score");
  await accounts.rows().first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/\d{12}$/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Checks CSV" }).click()]);
  const records = parse(await readFile(await download.path()), { columns: true }) as Record<string, string>[];
  expect(records.length).toBeGreaterThan(10);
  expect(new Set(records.map((record) => record.item))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => String(i + 1))));
  const json = await page.request.get(`${new URL(page.url()).pathname.replace("/accounts/", "/api/accounts/")}/checks/export?format=json`);
  expect(((await json.json()) as { checks: { check_id: string }[] }).checks.map((check) => check.check_id)).toEqual(records.map((record) => record.check_id));
});

test("an account owner rescans an account and watches the page update with the new scan time", async ({ page }) => {
  test.setTimeout(120_000);
  const accounts = new AccountsPage(page);
  await accounts.open("?sort=score");
  await accounts.rows().first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/\d{12}$/);
  const account = new AccountPage(page);
  await checkPage(page, "account-scorecard");
  const before = await account.lastScanned().getAttribute("datetime");

  await account.rescan().click();
  await expect(account.progress()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /page updated|Finished with errors|could not/ })).toBeVisible({ timeout: 90_000 });
  await expect(account.lastScanned()).not.toHaveAttribute("datetime", before ?? "", { timeout: 15_000 });
  await expect(account.rescan()).toBeEnabled();
});

test("the item across the org and the scans pages show history and errors", async ({ page }) => {
  await page.goto("/items/4");
  await expect(page.getByRole("heading", { level: 1, name: "Limit security groups" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Accounts and their failing checks" })).toBeVisible();
  await checkPage(page, "item-across-org");

  await page.goto("/scans");
  await expect(page.getByRole("heading", { level: 1, name: "Scans" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(1);
  await checkPage(page, "scans");
});

test("bad ids and parameters answer 404 or 400, never 500", async ({ page, request, baseURL }) => {
  for (const path of ["/accounts/123", "/accounts/000000000000", "/accounts/000000000000/items/2", "/items/0", "/items/11", "/items/abc"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const accounts = await request.get("/accounts?failing=99&min=abc");
  expect(accounts.status()).toBe(200);
  expect(await accounts.text()).toContain("were not valid and were ignored");
  expect((await request.get("/api/accounts/export?failing=99")).status()).toBe(400);
  expect((await request.get("/api/accounts/export?format=xml")).status()).toBe(400);
  expect((await request.get("/api/accounts/123/checks/export")).status()).toBe(400);
  expect((await request.get("/api/accounts/000000000000/checks/export")).status()).toBe(404);
  expect((await request.get("/api/accounts/000000000000/checks/export?format=pdf")).status()).toBe(400);
  expect((await request.get("/api/scans/not-a-uuid")).status()).toBe(400);
  expect((await request.get("/api/scans/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  expect((await request.post("/api/accounts/123/rescan", { headers: { origin: new URL(baseURL!).origin } })).status()).toBe(400);
  await page.goto("/accounts/000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Account not found" })).toBeVisible();
  await checkPage(page, "account-not-found");
});
