import { expect, test } from "@playwright/test";
import { AUTH_APP_URL } from "./support/oidc-users";

// Issue 14 §1: `returnTo` forms the URL parser normalises to "//evil.example" sent people to another site
// after signing in. Every hostile form, through the real IdP round trip, must land on a Tenfold page.
const HOSTILE_RETURN_TO = [
  "/.//evil.example/phish",
  "/%2e//evil.example/phish",
  "/x/..//evil.example/phish",
  "/%2e%2e//evil.example/phish",
  "/\\evil.example/phish",
  "/./\\evil.example/phish",
  "/%5Cevil.example/phish",
  "/\t/evil.example/phish",
  "/\n/evil.example/phish",
  "//evil.example/phish",
  "https://evil.example/phish",
];

for (const returnTo of HOSTILE_RETURN_TO) {
  test(`signing in from /auth/signin?returnTo=${JSON.stringify(returnTo)} lands on Tenfold`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: AUTH_APP_URL });
    const elsewhere: string[] = [];
    // Nothing may even be asked of the attacker's host (its name does not resolve; the request would say enough).
    await context.route(/^https?:\/\/evil\.example/, (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`/auth/signin?returnTo=${encodeURIComponent(returnTo)}`);
    await page.getByRole("button", { name: "Sign in as Alice Admin" }).click();
    await expect(page).toHaveURL(`${AUTH_APP_URL}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
    expect(elsewhere).toEqual([]);
    await context.close();
  });
}

test("the sign-in page's own link carries a cleaned returnTo, and a real path survives the round trip", async ({ page }) => {
  await page.goto(`/signin?returnTo=${encodeURIComponent("/.//evil.example/phish")}`);
  await expect(page.getByRole("link", { name: "Sign in with single sign-on" })).toHaveAttribute("href", "/auth/signin?returnTo=%2F");
  await page.goto(`/auth/signin?returnTo=${encodeURIComponent("/items/../?from=bookmark")}`);
  await page.getByRole("button", { name: "Sign in as Vera Viewer" }).click();
  await expect(page).toHaveURL(`${AUTH_APP_URL}/?from=bookmark`);
});
