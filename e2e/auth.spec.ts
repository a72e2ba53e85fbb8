import { expect, test } from "@playwright/test";
import { SESSION_COOKIE, sessionCookie, signInAs } from "./support/auth";
import { withAuthAppDb } from "./support/auth-app-db";
import { listAudit } from "@/db/store/audit";
import { AUTH_APP_URL, OIDC_ISSUER } from "./support/oidc-users";

// Sign-in and sign-out through a real OpenID Connect provider (e2e/support/oidc-server.ts).

test("an admin signs in through the company IdP, lands where they were going, and signs out for good", async ({ page, context, request }) => {
  const authorize = page.waitForRequest((request) => request.url().startsWith(`${OIDC_ISSUER}/auth?`));
  await page.goto("/?from=bookmark");
  await expect(page).toHaveURL(/\/signin\?returnTo=%2F%3Ffrom%3Dbookmark$/);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();

  // Authorization code flow with PKCE (S256), state and nonce.
  const params = new URL((await authorize).url()).searchParams;
  expect(params.get("response_type")).toBe("code");
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(params.get("state")).toBeTruthy();
  expect(params.get("nonce")).toBeTruthy();

  await page.getByRole("button", { name: "Sign in as Alice Admin" }).click();
  await expect(page).toHaveURL(`${AUTH_APP_URL}/?from=bookmark`);
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  await expect(page.getByText("Alice Admin")).toBeVisible();
  await expect(page.getByText("Admin", { exact: true })).toBeVisible();

  const cookie = await sessionCookie(context);
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(Buffer.from(cookie!.value, "base64url")).toHaveLength(32);
  expect((await context.cookies()).map((c) => c.name)).not.toContain("__Host-tenfold_login");

  const signIns = await withAuthAppDb((db) => listAudit(db, { actor: "alice@example.com", action: "auth.sign_in" }));
  expect(signIns[0]).toMatchObject({ outcome: "success", userAgent: expect.stringContaining("Chrome") });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText("You are signed out.");
  expect(await sessionCookie(context)).toBeUndefined();

  // The old cookie is dead on the server too: a copy of it is sent to sign in, not shown the overview.
  const replay = await request.get("/", { headers: { cookie: `${SESSION_COOKIE}=${cookie!.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers().location).toBe("/signin?returnTo=%2F");
  const signOuts = await withAuthAppDb((db) => listAudit(db, { actor: "alice@example.com", action: "auth.sign_out" }));
  expect(signOuts).not.toHaveLength(0);
});

test("a person in the viewer group is a viewer; anyone else is an owner of their own accounts", async ({ browser }) => {
  for (const [user, label, subtitle] of [
    ["vera", "Viewer", "scored for every account"],
    ["olivia", "Account owner", "scored for the accounts you own"],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, user);
    await expect(page.getByText(label, { exact: true })).toBeVisible();
    await expect(page.getByText(subtitle)).toBeVisible();
    await context.close();
  }
});

test("an ID token minted for another client is rejected (audience check)", async ({ page, context }) => {
  const authorize = page.waitForRequest((request) => request.url().startsWith(`${OIDC_ISSUER}/auth?`));
  await page.goto("/signin");
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  const nonce = new URL((await authorize).url()).searchParams.get("nonce")!;

  // Same person, same IdP, even Tenfold's nonce — but the token's audience is another app.
  const other = await context.newPage();
  await other.goto(`${OIDC_ISSUER}/__test/other-client/start?nonce=${encodeURIComponent(nonce)}`);
  await other.getByRole("button", { name: "Sign in as Alice Admin" }).click();
  await expect(other.locator("#armed")).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Sign in as Alice Admin" }).click();
  await expect(page).toHaveURL(/\/signin\?error=invalid$/);
  await expect(page.getByRole("alert").filter({ hasText: "could not be verified" })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();
  const [failure] = await withAuthAppDb((db) => listAudit(db, { action: "auth.sign_in", limit: 1 }));
  expect(failure).toMatchObject({ outcome: "denied", detail: { code: "invalid", reason: expect.stringContaining('unexpected JWT "aud" (audience) claim value') } });
});

test("a callback with a forged state is rejected", async ({ page, context }) => {
  await page.goto("/auth/signin");
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.goto("/auth/callback?code=forged-code&state=forged-state");
  await expect(page).toHaveURL(/\/signin\?error=invalid$/);
  expect(await sessionCookie(context)).toBeUndefined();
});

test("a callback without the login cookie (another browser, or expired) is rejected", async ({ page, context }) => {
  await page.goto("/auth/callback?code=some-code&state=some-state");
  await expect(page).toHaveURL(/\/signin\?error=expired$/);
  expect(await sessionCookie(context)).toBeUndefined();
});

test("a successful callback URL cannot be replayed", async ({ page, browser }) => {
  const callback = page.waitForRequest((request) => request.url().startsWith(`${AUTH_APP_URL}/auth/callback?`));
  await signInAs(page, "olivia");
  const callbackUrl = (await callback).url();
  const replay = await browser.newContext();
  const replayPage = await replay.newPage();
  await replayPage.goto(callbackUrl);
  await expect(replayPage).toHaveURL(/\/signin\?error=expired$/);
  expect((await replay.cookies()).map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
  await replay.close();
});

test("sign-out refuses a cross-site form post", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "vera");
  const response = await context.request.post("/auth/signout", { headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  await context.close();
});
