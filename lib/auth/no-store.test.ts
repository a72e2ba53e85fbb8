// JSON APIs answer with Cache-Control: no-store — from the route handler (withViewer, cron guard) and
// from proxy.ts for everything under /api/ (its own early 401 included).
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "./session-token";
import { DEMO_VIEWER, type Viewer } from "./viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("./audit", () => ({ actorOf: (viewer: Viewer | null) => viewer?.email ?? "anonymous", audit: async () => undefined }));
vi.mock("./viewer", async (original) => ({ ...(await original<typeof import("./viewer")>()), getViewer: async () => session.viewer }));

const { withViewer } = await import("./route-guard");
const { rejectUnlessCron } = await import("./cron-guard");
const account = await import("@/app/api/accounts/[accountId]/route");
const { proxy } = await import("@/proxy");

const admin: Viewer = { ...DEMO_VIEWER, demo: false, id: "u1", email: "admin@example.com", role: "admin" };
const get = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } });

beforeEach(() => {
  session.viewer = admin;
});

describe("Cache-Control: no-store on API answers", () => {
  it.each([
    ["a handler's JSON", async () => withViewer(async () => Response.json({ ok: true }))(get("/api/x"), { params: Promise.resolve({}) }), 200],
    ["a 400 for a bad account id", async () => account.GET(get("/api/accounts/abc"), { params: Promise.resolve({ accountId: "abc" }) }), 400],
    ["a 401 without a session", async () => ((session.viewer = null), account.GET(get("/api/accounts/222200002222"), { params: Promise.resolve({ accountId: "222200002222" }) })), 401],
    ["the cron guard's 401", async () => (await rejectUnlessCron(get("/api/cron/scan"), new Date("2026-03-02T10:00:00Z")))!, 401],
  ])("%s", async (_label, answer, status) => {
    const response = await answer();
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a policy the handler chose itself", async () => {
    const response = await withViewer(async () => new Response("x", { headers: { "cache-control": "private, max-age=5" } }))(get("/api/x"), { params: Promise.resolve({}) });
    expect(response.headers.get("cache-control")).toBe("private, max-age=5");
  });

  it.each([
    ["the proxy's early 401 for an API without a session", "/api/accounts/222200002222", {}, "no-store"],
    ["an API request it lets through", "/api/accounts/222200002222", { cookie: `${SESSION_COOKIE}=x` }, "no-store"],
    ["not a page", "/accounts", { cookie: `${SESSION_COOKIE}=x` }, null],
  ])("proxy.ts: %s", (_label, path, headers, expected) => {
    const response = proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
    expect(response.headers.get("cache-control")).toBe(expected);
  });
});
