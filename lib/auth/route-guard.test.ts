import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFoundError, OutOfScopeError, ValidationError } from "./errors";
import { DEMO_VIEWER, type Viewer } from "./viewer";

const audited = vi.hoisted(() => [] as { action: string; targetId?: string; actor: string }[]);
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("./audit", () => ({
  actorOf: (viewer: Viewer | null) => viewer?.email ?? "anonymous",
  audit: async (entry: { action: string; targetId?: string; actor: string }) => void audited.push(entry),
}));
vi.mock("./viewer", async (original) => ({ ...(await original<typeof import("./viewer")>()), getViewer: async () => session.viewer }));

const { withViewer } = await import("./route-guard");

const olivia: Viewer = { ...DEMO_VIEWER, demo: false, id: "u1", email: "olivia@example.com", role: "owner", ownerValues: ["team-a"] };
const call = (handler: Parameters<typeof withViewer>[0], init: RequestInit = {}, roles?: Viewer["role"][]) =>
  withViewer(handler, { roles })(new Request("http://localhost:3000/api/accounts/222200002222", { headers: { host: "localhost:3000" }, ...init }), {
    params: Promise.resolve({ accountId: "222200002222" }),
  });
const ok = async () => Response.json({ ok: true });

beforeEach(() => {
  audited.length = 0;
  session.viewer = olivia;
});

describe("withViewer", () => {
  it("answers 401 without a session", async () => {
    session.viewer = null;
    const response = await call(ok);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
  });

  it("passes the viewer and params to the handler", async () => {
    const response = await call(async ({ viewer, params }) => Response.json({ email: viewer.email, params }));
    expect(await response.json()).toEqual({ email: "olivia@example.com", params: { accountId: "222200002222" } });
  });

  it("refuses a cross-site mutation before looking at the session", async () => {
    const handler = vi.fn(ok);
    const response = await call(handler, { method: "POST", headers: { host: "localhost:3000", origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets a same-origin mutation through", async () => {
    expect((await call(ok, { method: "POST", headers: { host: "localhost:3000", "sec-fetch-site": "same-origin" } })).status).toBe(200);
  });

  it("answers 403 to a role outside the list, and audits it", async () => {
    const response = await call(ok, {}, ["admin"]);
    expect(response.status).toBe(403);
    expect(audited).toMatchObject([{ action: "auth.denied", actor: "olivia@example.com", targetId: "/api/accounts/222200002222" }]);
  });

  it("answers another owner's account as 404, and audits it", async () => {
    const response = await call(async () => {
      throw new OutOfScopeError("account", "222200002222");
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not found" });
    expect(audited).toMatchObject([{ action: "auth.denied", targetId: "222200002222" }]);
  });

  it("answers a missing row as the same 404, without an audit entry", async () => {
    const response = await call(async () => {
      throw new NotFoundError();
    });
    expect(response.status).toBe(404);
    expect(audited).toEqual([]);
  });

  it.each([
    ["a ValidationError", () => new ValidationError("bad filter"), "bad filter"],
    ["a ZodError", () => z.object({ accountId: z.string().regex(/^\d{12}$/, "must be 12 digits") }).safeParse({ accountId: "x" }).error!, "invalid input: accountId: must be 12 digits"],
  ])("answers %s as 400 with its message", async (_label, makeError, message) => {
    const response = await call(async () => {
      throw makeError();
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: message });
  });

  it("hides unexpected errors behind a fixed 500", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await call(async () => {
      throw new Error("connection string with a password");
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal error" });
    spy.mockRestore();
  });
});
