import { expect, test } from "@playwright/test";

test("a CISO opening Tenfold before the first scan is told how to run one", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No scan yet" })).toBeVisible();
  await expect(page.getByText("npm run scan")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/overview-empty.png", fullPage: true });
});
