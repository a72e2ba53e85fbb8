import { expect, type Browser } from "@playwright/test";
import { signedInContext } from "./auth";
import { AUTH_APP_URL, type TestUser } from "./oidc-users";

/**
 * Owner isolation for one surface: `owner` reaches `url` (so the 404 below is not a missing route)
 * and `intruder`, another owner, gets 404 — never 403, so existence does not leak. GET by default;
 * mutations (rescan, exceptions, attestations) pass method "POST" and go out same-origin.
 */
export async function expectOnlyOwnerReaches(
  browser: Browser,
  url: string,
  options: { owner: TestUser; intruder: TestUser; method?: "GET" | "POST"; ownerStatus?: number; data?: unknown },
): Promise<void> {
  const method = options.method ?? "GET";
  const cases = [
    [options.owner, options.ownerStatus ?? (method === "GET" ? 200 : 202)],
    [options.intruder, 404],
  ] as const;
  for (const [user, expected] of cases) {
    const context = await signedInContext(browser, user);
    try {
      const response =
        method === "GET"
          ? await context.request.get(url, { maxRedirects: 0 })
          : await context.request.post(url, { maxRedirects: 0, data: options.data, headers: { origin: AUTH_APP_URL } });
      expect(response.status(), `${user}: ${method} ${url}`).toBe(expected);
    } finally {
      await context.close();
    }
  }
}
