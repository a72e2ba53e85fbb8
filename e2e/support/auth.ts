import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { AUTH_APP_URL, TEST_USERS, type TestUser } from "./oidc-users";

export const SESSION_COOKIE = "__Host-tenfold_session";

/** Signs in through the test IdP like a person would, starting from `path`, and waits to land back there. */
export async function signInAs(page: Page, user: TestUser, path = "/"): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await page.getByRole("button", { name: `Sign in as ${TEST_USERS[user].name}` }).click();
  await expect(page).toHaveURL(`${AUTH_APP_URL}${path}`);
}

/** A fresh browser context signed in as `user` (its `request` carries the session cookie). */
export async function signedInContext(browser: Browser, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: AUTH_APP_URL });
  const page = await context.newPage();
  await signInAs(page, user);
  await page.close();
  return context;
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies(AUTH_APP_URL)).find((cookie) => cookie.name === SESSION_COOKIE);
}
