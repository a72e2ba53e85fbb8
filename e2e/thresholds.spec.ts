import { expect, test, type Locator, type Page } from "@playwright/test";
import { defineScoringConfig } from "@/lib/scoring/config";
import { PARTLY_READ_REASON, seedStatusScenario } from "@/test/status-scenario";
import { checkPage } from "./pages/dashboard-pages";
import { withServerDb } from "./support/server-db";
import { THRESHOLDS_AMBER, THRESHOLDS_DATA_DIR } from "./support/thresholds-server";

// Runs against a demo-mode server whose TENFOLD_AMBER_THRESHOLD is 70 (playwright.config.ts, "thresholds"),
// on accounts this spec seeds through the real scorer and writers, scored as a scan at that threshold would.
const ids = { at65: "700000000065", all100: "700000000100", greyItem: "700000000101", partlyRead: "700000000045" };

const DAY = 86_400_000;
// The pages' trend windows end today, so the two scans sit in the last week and a half whatever the date;
// nothing below depends on which day it is.
const latest = new Date(Math.floor(Date.now() / DAY) * DAY - DAY + 6 * 3_600_000);
const earlier = new Date(latest.getTime() - 7 * DAY);

test.beforeAll(async () => {
  await withServerDb(THRESHOLDS_DATA_DIR, (db) =>
    seedStatusScenario(db, { ids, owner: "team-thresholds@example.com", ouPath: "Root/Workloads", earlier, latest, config: defineScoringConfig({ thresholds: { green: 100, amber: THRESHOLDS_AMBER } }) }),
  );
});

const failing = (scope: Locator | Page) => scope.getByText(/^✕\s*Failing$/);
const partial = (scope: Locator | Page) => scope.getByText(/^▲\s*Partial$/);
const pass = (scope: Locator | Page) => scope.getByText(/^✓\s*Pass$/);
/** The amber line of a score trend chart, labelled with the threshold it marks. */
const amberLine = (scope: Locator | Page) => scope.getByText(`amber from ${THRESHOLDS_AMBER}`);

test("with the amber threshold at 70, an account scoring 65 is red on every page that shows it", async ({ page }) => {
  await page.goto("/");
  const row = page.getByRole("region", { name: "Needs attention" }).locator(`li[data-account="${ids.at65}"]`);
  await expect(row).toContainText("65");
  await expect(failing(row)).toBeVisible();
  await expect(amberLine(page.getByRole("region", { name: /^Trend/ }))).toBeVisible();
  // The heatmap's cells carry the statuses the scan stored at the same threshold.
  await expect(page.getByRole("link", { name: "sixty-five, Data policies: Failing, score 65" })).toBeVisible();
  await checkPage(page, "thresholds-overview");

  await page.goto("/accounts?sort=score");
  const tableRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /sixty-five/ }) });
  await expect(tableRow.getByRole("cell").first()).toHaveText("65");
  await expect(failing(tableRow)).toBeVisible();
  await checkPage(page, "thresholds-accounts");

  await page.goto(`/accounts/${ids.at65}`);
  await expect(failing(page.getByRole("region", { name: "Account score" }))).toBeVisible();
  await expect(amberLine(page.getByRole("region", { name: /^Score, last 90 days/ }))).toBeVisible();
  await checkPage(page, "thresholds-account");

  await page.goto(`/accounts/${ids.at65}/items/5`);
  await expect(page.getByTestId("item-score")).toHaveText("65");
  await expect(failing(page.getByTestId("item-score").locator(".."))).toBeVisible();

  await page.goto("/items/5");
  const itemRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /sixty-five/ }) });
  await expect(failing(itemRow)).toBeVisible();

  await page.goto("/review");
  const regressed = page.getByRole("region", { name: /Regressed most/ });
  const moverRow = regressed.locator(`tr[data-account="${ids.at65}"]`);
  await expect(moverRow).toContainText("80");
  await expect(moverRow).toContainText("65");
  await expect(failing(moverRow)).toBeVisible();
  await checkPage(page, "thresholds-review");
});

test("an account that reads 100 is not green while an item is grey, and one read in part needs attention with the reads that failed", async ({ page }) => {
  await page.goto("/accounts?sort=name");
  const rowOf = (name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(name) }) });
  await expect(pass(rowOf("all-read"))).toBeVisible();
  await expect(rowOf("all-read")).toContainText("100%");
  await expect(partial(rowOf("grey-item"))).toBeVisible();
  await expect(partial(rowOf("partly-read"))).toBeVisible();

  await page.goto("/");
  const partlyRead = page.getByRole("region", { name: /Partly read/ });
  await expect(partlyRead.locator(`li[data-account="${ids.partlyRead}"]`)).toContainText(PARTLY_READ_REASON);
  await expect(partlyRead.locator(`li[data-account="${ids.greyItem}"]`)).toHaveCount(0);

  await page.goto(`/accounts/${ids.partlyRead}`);
  await expect(page.getByRole("alert").filter({ hasText: /of the checks could be read/ })).toContainText(PARTLY_READ_REASON);
  await page.goto(`/accounts/${ids.greyItem}`);
  await expect(page.getByRole("alert").filter({ hasText: "Not green: some items have no data" })).toBeVisible();
});
