import { expect, test } from "@playwright/test";

// The default e2e server runs in demo mode (TENFOLD_DEMO_MODE=true, bound to 127.0.0.1): no sign-in,
// and every page says so.

test("a visitor to the local demo sees that sign-in is off and where it is bound", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Demo mode: sign-in is off. Bound to 127.0.0.1.")).toBeVisible();
  await expect(page.getByText("Demo (sign-in off)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("the demo keeps the security headers, and its machine routes still need the bearer", async ({ request }) => {
  const page = await request.get("/");
  expect(page.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  const cron = await request.post("/api/cron/scan");
  expect(cron.status()).toBe(401);
});
