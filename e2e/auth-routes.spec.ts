import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SESSION_COOKIE } from "./support/auth";

// Every page and route handler of the app, found from the file tree, answers a request without a
// session with 401 or a sign-in redirect. New pages are covered as soon as they exist. Each is also
// tried with a made-up session cookie, which proxy.ts lets through: the page or handler itself must refuse.

const APP_DIR = path.join(process.cwd(), "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Entry = { kind: "page" | "route"; url: string; file: string; methods: Method[] };

// Sample values for dynamic segments, by name; anything else gets "sample".
const SAMPLES: Record<string, string> = { accountId: "111122223333", item: "1", scanId: "00000000-0000-4000-8000-000000000000", checkId: "i1.security_contact" };

function segmentToPath(segment: string): string | null {
  if (segment.startsWith("(") && segment.endsWith(")")) return null; // route group
  const dynamic = /^\[{1,2}(\.\.\.)?([^\]]+)\]{1,2}$/.exec(segment);
  if (!dynamic) return segment;
  const name = dynamic[2]!;
  return dynamic[1] ? `${SAMPLES[name] ?? "sample"}/more` : (SAMPLES[name] ?? "sample");
}

function walk(dir: string, segments: string[], found: Entry[]): Entry[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders, parallel slots
      walk(path.join(dir, entry.name), [...segments, entry.name], found);
      continue;
    }
    const kind = /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name) ? "page" : /^route\.(ts|js)$/.test(entry.name) ? "route" : null;
    if (!kind) continue;
    const file = path.join(dir, entry.name);
    const url = `/${segments.map(segmentToPath).filter((part): part is string => part !== null).join("/")}`;
    const source = readFileSync(file, "utf8");
    const methods =
      kind === "page"
        ? (["GET"] as Method[])
        : METHODS.filter((method) => new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b`).test(source));
    found.push({ kind, url, file: path.relative(process.cwd(), file), methods });
  }
  return found;
}

const entries = walk(APP_DIR, [], []);

// Public by design, each with its own assertions below.
const SIGN_IN_FLOW = new Set(["/signin", "/auth/signin", "/auth/callback", "/auth/signout"]);
const isCron = (url: string) => url.startsWith("/api/cron/");

test("the file tree yields the app's pages and routes", () => {
  const urls = entries.map((entry) => entry.url);
  expect(urls).toEqual(expect.arrayContaining(["/", "/signin", "/api/health", "/api/cron/scan", "/auth/callback"]));
  for (const entry of entries) expect(entry.methods.length, `${entry.file} exports no HTTP method`).toBeGreaterThan(0);
});

for (const entry of entries.filter((candidate) => !SIGN_IN_FLOW.has(candidate.url) && candidate.url !== "/api/health")) {
  for (const method of entry.methods) {
    for (const cookie of [undefined, `${SESSION_COOKIE}=${"A".repeat(43)}`]) {
      test(`${method} ${entry.url} (${entry.file}) without a session${cookie ? ", with a made-up cookie" : ""} → 401 or sign-in`, async ({ request, baseURL }) => {
        const headers: Record<string, string> = { origin: baseURL! };
        if (cookie) headers.cookie = cookie;
        const response = await request.fetch(entry.url, { method, headers, maxRedirects: 0 });
        if (isCron(entry.url)) {
          expect(response.status()).toBe(401);
        } else if (entry.kind === "route") {
          expect(response.status()).toBe(401);
        } else {
          expect([303, 307]).toContain(response.status());
          expect(response.headers().location).toMatch(/^\/signin\?returnTo=/);
        }
        if (method !== "HEAD" && response.status() === 401) {
          expect(await response.json()).toEqual({ error: "unauthorized" });
        }
      });
    }
  }
}

test.describe("public by design", () => {
  test("GET /api/health reveals only liveness", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(Object.keys(await response.json()).sort()).toEqual(["database", "status"]);
  });

  test("GET /signin shows the sign-in page", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in to Tenfold" })).toBeVisible();
  });

  test("GET /auth/signin starts the flow at the IdP", async ({ request }) => {
    const response = await request.get("/auth/signin", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\?/);
  });

  test("GET /auth/callback without a login transaction signs nobody in", async ({ request }) => {
    const response = await request.get("/auth/callback?code=x&state=y", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe("/signin?error=expired");
    expect(response.headers()["set-cookie"] ?? "").not.toContain(`${SESSION_COOKIE}=A`);
  });

  test("POST /auth/signout without a session just clears the cookie", async ({ request, baseURL }) => {
    const response = await request.post("/auth/signout", { headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe("/signin?signedOut=1");
  });

  test("cron routes take a bearer, not a session", async ({ request }) => {
    for (const entry of entries.filter((candidate) => isCron(candidate.url))) {
      for (const method of entry.methods) {
        const wrong = await request.fetch(entry.url, { method, headers: { authorization: "Bearer wrong-secret-of-some-length" } });
        expect(wrong.status(), `${method} ${entry.url}`).toBe(401);
      }
    }
  });
});
