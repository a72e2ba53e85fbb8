import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { formatDelta, formatScore } from "../lib/format";
import { shownChange, topMovers } from "../lib/review/movers";
import type { AccountScoreChange } from "../lib/review/types";
import { checkPage } from "./pages/dashboard-pages";

// Runs against the demo organisation with its backfilled weeks (scripts/e2e-server.sh … dashboard).

type ReviewJson = {
  period: { from: string; to: string };
  org: { from: number | null; to: number | null; change: number | null };
  items: { item: number; from: number | null; to: number | null; change: number | null }[];
  accounts: AccountScoreChange[];
  checks: { newlyFailing: unknown[]; fixed: unknown[] };
};

async function reviewJson(page: Page, query = ""): Promise<ReviewJson> {
  const response = await page.request.get(`/api/review/export?${query}${query ? "&" : ""}format=json`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ReviewJson;
}

/** The numbers on the page are the numbers of the JSON export for the same dates. */
async function expectPageShows(page: Page, review: ReviewJson) {
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(review.period.from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(review.period.to);
  const org = page.getByRole("region", { name: /Organisation score/ });
  await expect(org.getByTestId("org-from")).toHaveText(formatScore(review.org.from));
  await expect(org.getByTestId("org-to")).toHaveText(formatScore(review.org.to));
  await expect(org.getByTestId("org-change")).toHaveText(formatDelta(shownChange(review.org)));
  const items = page.getByRole("region", { name: "The ten items" }).getByRole("row");
  for (const item of review.items) {
    const row = items.filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${item.item}\\. `) }) });
    await expect(row.getByRole("cell").nth(0)).toHaveText(formatScore(item.from));
    await expect(row.getByRole("cell").nth(1)).toHaveText(formatScore(item.to));
    await expect(row.getByRole("cell").nth(2)).toHaveText(formatDelta(shownChange(item)));
  }
  const { regressed, improved } = topMovers(review.accounts);
  for (const [name, list] of [["Regressed most", regressed], ["Improved most", improved]] as const) {
    const section = page.getByRole("region", { name: new RegExp(`^${name}`) });
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(`${name}(${list.length})`);
    await expect(section.getByRole("rowheader")).toHaveText(list.map((row) => row.name));
  }
  await expect(page.getByRole("heading", { level: 2, name: /^Newly failing/ })).toHaveText(`Newly failing(${review.checks.newlyFailing.length})`);
  await expect(page.getByRole("heading", { level: 2, name: /^Newly fixed/ })).toHaveText(`Newly fixed(${review.checks.fixed.length})`);
}

test("the weekly meeting reads the review, changes the dates and takes the notes away", async ({ page }) => {
  // Two full-page screenshots with axe, a print emulation and two downloads: slow on a busy machine.
  test.setTimeout(180_000);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  const defaults = await reviewJson(page);
  await expectPageShows(page, defaults);
  await checkPage(page, "review");

  // Printed: no navigation, no form, black on white.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("form", { name: "Review period" })).toBeHidden();
  await page.screenshot({ path: "test-results/screenshots/review-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Another period through the form: the URL keeps it, and the page follows the export for those dates.
  const from = new Date(Date.parse(`${defaults.period.to}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}&to=${defaults.period.to}$`));
  const wider = await reviewJson(page, `from=${from}&to=${defaults.period.to}`);
  await expectPageShows(page, wider);
  await checkPage(page, "review-two-weeks");

  // A quick pick is a link with both dates.
  await page.getByRole("link", { name: "Last 30 days" }).click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

  // The exports of what is shown.
  await page.goto(`/review?from=${from}&to=${defaults.period.to}`);
  const markdown = await download(page, "Export Markdown");
  expect(markdown.name).toBe(`tenfold-review-${from}-to-${defaults.period.to}.md`);
  expect(markdown.text).toContain(`# Security review: ${from} → ${defaults.period.to}`);
  expect(markdown.text).toContain(`**${formatScore(wider.org.from)} → ${formatScore(wider.org.to)}** (${formatDelta(shownChange(wider.org))})`);
  const csv = await download(page, "Export CSV");
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.text.split("\r\n");
  expect(lines[0]).toBe("section,account_id,account,owner,item,check_id,check,severity,resource,from,to,change,detail");
  expect(lines.filter((line) => line.startsWith("item,"))).toHaveLength(10);
  expect(lines.filter((line) => line.startsWith("newly_failing,"))).toHaveLength(wider.checks.newlyFailing.length);
});

test("dates that make no period answer with a message, and 400 on the export", async ({ page, request }) => {
  await page.goto("/review?from=2026-11-23&to=2026-11-16");
  await expect(page.getByRole("alert").filter({ hasText: "These dates cannot be reviewed" })).toContainText("must be before");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-11-23");
  await checkPage(page, "review-bad-dates");
  for (const query of ["from=2026-11-23&to=2026-11-16", "from=yesterday", "to=2026-02-30", "format=xlsx", "range=7", "from=0000-01-01", "to=0000-01-08"]) {
    const response = await request.get(`/api/review/export?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error, query).toBeTruthy();
  }
});

async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}
