// Page objects for the dashboard specs: role-based locators only, so the specs read as user stories.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails on serious or critical axe violations, listing them; saves a full-page screenshot as an artifact. */
export async function checkPage(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}

export class OverviewPage {
  constructor(readonly page: Page) {}
  async open(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  }
  heatmap() {
    return this.page.getByRole("table").filter({ has: this.page.getByRole("columnheader", { name: /Account/ }) }).filter({ hasText: "Security groups" }).first();
  }
  /** A failing (✕) cell of the heatmap: its accessible name says "…: Failing, score N". */
  failingCell() {
    return this.heatmap().getByRole("link", { name: /: Failing, score/ }).first();
  }
}

export class AccountsPage {
  constructor(readonly page: Page) {}
  async open(query = "") {
    await this.page.goto(`/accounts${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  }
  ou() {
    return this.page.getByLabel("OU", { exact: true });
  }
  failingItem() {
    return this.page.getByLabel("Failing item", { exact: true });
  }
  async apply() {
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }
  rows() {
    return this.page.getByRole("table").getByRole("row").filter({ has: this.page.getByRole("rowheader") });
  }
  exportCsv() {
    return this.page.getByRole("link", { name: /^Export CSV/ });
  }
  shownCount() {
    return this.page.getByText(/^Showing \d+ of \d+ accounts\.$/);
  }
}

export class AccountPage {
  constructor(readonly page: Page) {}
  rescan() {
    return this.page.getByRole("button", { name: /Rescan now|Rescanning/ });
  }
  progress() {
    return this.page.getByRole("status").filter({ hasText: /Queued|Scanning|Scan finished|Finished with errors|Starting/ });
  }
  lastScanned() {
    return this.page.locator("main p").filter({ hasText: "last scanned" }).locator("time");
  }
}
