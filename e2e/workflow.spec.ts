import { expect, test, type Page } from "@playwright/test";
import { checkPage } from "./pages/dashboard-pages";
import { sandboxClock, scanAccountAsOf, setSandboxClock } from "./support/demo-server";

// Exceptions and attestations on the demo organisation (after the dashboard specs: these change scores).
// Time moves the way an operator would move it: the sandbox clock forward, then a scan dated then.

const DAY = 86_400_000;
// Each test starts `npm run scan` in a child process (tsx start-up, a one-account scan): give it room.
test.describe.configure({ timeout: 240_000 });

async function accountsCsv(page: Page, query = ""): Promise<string[][]> {
  const text = await (await page.request.get(`/api/accounts/export${query}`)).text();
  return text.trim().split("\r\n").slice(1).map((line) => line.split(","));
}
const accountScore = async (page: Page, accountId: string) => Number((await accountsCsv(page)).find((row) => row[0] === accountId)?.[5]);

const failingArticles = (page: Page) => page.getByRole("article").filter({ has: page.getByText(/^(✕\s*Fail|▲\s*Warning)$/) });

/** An account × item whose only problem is one failing check: excepting it turns the item green. */
async function findSingleFailure(page: Page): Promise<{ accountId: string; item: number; checkId: string }> {
  for (const item of [4, 2, 9, 7, 6, 1, 3, 5, 8]) {
    for (const row of (await accountsCsv(page, `?failing=${item}`)).slice(0, 6)) {
      const accountId = row[0]!;
      await page.goto(`/accounts/${accountId}/items/${item}`);
      if ((await failingArticles(page).count()) !== 1) continue;
      const article = failingArticles(page).first();
      if ((await article.getByText(/^✕\s*Fail$/).count()) !== 1) continue;
      const checkId = (await article.locator("p.font-mono").first().textContent())!.trim();
      return { accountId, item, checkId };
    }
  }
  throw new Error("the demo organisation has no account × item with exactly one failing check");
}

test("an owner's exception changes the score at once; past its expiry the failure returns and the review lists it", async ({ page }) => {
  const { accountId, item, checkId } = await findSingleFailure(page);
  const itemScore = page.getByTestId("item-score");
  const scoreBefore = Number(await itemScore.textContent());
  const accountBefore = await accountScore(page, accountId);
  expect(scoreBefore).toBeLessThan(100);

  const article = page.getByRole("article").filter({ hasText: checkId });
  await article.getByRole("button", { name: "Record an exception" }).click();
  const expiry = page.getByLabel(/Expires on/);
  const lastDay = (await expiry.getAttribute("min"))!;
  await expiry.fill(lastDay);
  await page.getByLabel("Category").selectOption({ label: "Accepted risk" });
  await page.getByLabel(/Reason/).fill("Compensating control: reviewed by the security team for the e2e test");
  await checkPage(page, "workflow-exception-form");
  await page.getByRole("button", { name: "Save exception" }).click();

  await expect(article.getByText(`Excepted until ${lastDay}`)).toBeVisible();
  await expect(article.getByText(/^✓\s*Excepted$/)).toBeVisible();
  await expect(itemScore).toHaveText("100");
  await expect(page.getByText(/^✓\s*Pass$/).first()).toBeVisible();
  expect(await accountScore(page, accountId)).toBeGreaterThan(accountBefore);
  await checkPage(page, "workflow-excepted");

  // Past the expiry: move the sandbox clock, scan the account dated then.
  const clockBefore = await sandboxClock();
  const after = new Date(Date.parse(`${lastDay}T12:00:00Z`) + DAY);
  await setSandboxClock(after);
  try {
    await scanAccountAsOf(accountId, after);
  } finally {
    await setSandboxClock(clockBefore);
  }
  await page.goto(`/accounts/${accountId}/items/${item}`);
  await expect(article.getByText(/^✕\s*Fail$/)).toBeVisible();
  await expect(article.getByText(/Excepted until/)).toHaveCount(0);
  expect(Number(await itemScore.textContent())).toBeLessThan(100);

  await page.goto("/review");
  const expired = page.getByRole("region", { name: /expired/i });
  await expect(expired.getByText(checkId)).toBeVisible();
  await checkPage(page, "workflow-review-expired");
});

test("an attestation turns item 10 from grey to green until it expires", async ({ page }) => {
  const network = (await accountsCsv(page)).find((row) => row[1] === "network");
  expect(network, "the demo's network account").toBeTruthy();
  const accountId = network![0]!;
  await page.goto(`/accounts/${accountId}/items/10`);
  await expect(page.getByText(/^–\s*No data$/).first()).toBeVisible();

  const article = page.getByRole("article").filter({ hasText: "i10.dev_cycle_attested" });
  await article.getByRole("button", { name: "Attest" }).click();
  await page.getByLabel("Statement").fill("Security reviews every design and threat model before build (e2e)");
  await page.getByLabel(/Evidence link/).fill("https://wiki.example.com/security/design-reviews");
  await page.getByLabel(/Valid for/).fill("1");
  await page.getByRole("button", { name: "Save attestation" }).click();

  await expect(article.getByText(/^Attested until \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByTestId("item-score")).toHaveText("100");
  await expect(page.getByText(/^✓\s*Pass$/).first()).toBeVisible();

  await page.goto("/exceptions");
  await expect(page.getByRole("heading", { level: 1, name: "Exceptions and attestations" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Attestations in force/ }).getByText("network")).toBeVisible();
  await checkPage(page, "workflow-exceptions-page");

  // Two days on, the one-day attestation has lapsed: the check needs attesting again, the item is grey.
  const clockBefore = await sandboxClock();
  const later = new Date(Date.now() + 2 * DAY);
  await setSandboxClock(later);
  try {
    await scanAccountAsOf(accountId, later);
  } finally {
    await setSandboxClock(clockBefore);
  }
  await page.goto(`/accounts/${accountId}/items/10`);
  await expect(page.getByText(/^–\s*No data$/).first()).toBeVisible();
  await expect(article.getByRole("button", { name: "Attest" })).toBeVisible();
});
