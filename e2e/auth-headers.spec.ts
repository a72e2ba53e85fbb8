import { expect, test } from "@playwright/test";
import { signInAs } from "./support/auth";

// Security headers on every kind of answer (product.md §7), and a CSP nonce Next's scripts really carry.

const EXPECTED_HEADERS = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
} as const;

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(";").map((entry) => entry.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(" ")]));
}

for (const [label, path] of [
  ["the sign-in page", "/signin"],
  ["a page redirecting to sign-in", "/"],
  ["an API answering 401", "/api/accounts/111122223333"],
  ["the health route", "/api/health"],
] as const) {
  test(`${label} carries the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers).toMatchObject(EXPECTED_HEADERS);
    expect(headers["permissions-policy"]).toContain("camera=()");
    const csp = directives(headers["content-security-policy"] ?? "");
    expect(csp.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

// What proxy.ts skips gets the same headers from next.config.ts, with a policy of its own.
// Tenfold has no favicon: signed out, the not-found page it would render sends the visitor to sign-in first.
for (const [label, path, status] of [
  ["a missing static asset (404)", "/_next/static/no-such-file.js", 404],
  ["/favicon.ico (none: the not-found page, which sends a signed-out visitor to sign-in)", "/favicon.ico", 307],
] as const) {
  test(`${label} carries the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(status);
    expect(response.headers()).toMatchObject(EXPECTED_HEADERS);
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });
}

for (const path of ["/api/accounts/111122223333", "/api/health"]) {
  test(`${path} is never cached`, async ({ request }) => {
    expect((await request.get(path)).headers()["cache-control"]).toContain("no-store");
  });
}

test("every response gets a fresh nonce, and Next's scripts carry it", async ({ request }) => {
  const nonces = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await request.get("/signin");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test("signed-in pages run under the CSP without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signInAs(page, "alice");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation overview" })).toBeVisible();
  // Hydration ran: a client navigation works without a full reload.
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(violations).toEqual([]);
});
