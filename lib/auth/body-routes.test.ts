// The routes that take a JSON body check the viewer's role before reading it, and answer an oversized
// body with 413 without reading it whole. Route handlers called directly with a Request.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_VIEWER, type Viewer } from "./viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("./audit", () => ({ actorOf: (viewer: Viewer | null) => viewer?.email ?? "anonymous", audit: async () => undefined }));
vi.mock("./viewer", async (original) => ({ ...(await original<typeof import("./viewer")>()), getViewer: async () => session.viewer }));

const attestations = await import("@/app/api/attestations/route");
const exceptions = await import("@/app/api/accounts/[accountId]/exceptions/route");

const person = (role: Viewer["role"]): Viewer => ({ ...DEMO_VIEWER, demo: false, id: "u1", email: `${role}@example.com`, role, ownerValues: ["team-a"] });

function post(path: string, totalBytes: number) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.bytes >= totalBytes) return controller.close();
        pulled.bytes += 16_384;
        controller.enqueue(new Uint8Array(16_384).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { host: "localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

const ROUTES = [
  ["POST /api/attestations", "/api/attestations", (request: Request) => attestations.POST(request, { params: Promise.resolve({}) })],
  [
    "POST /api/accounts/[accountId]/exceptions",
    "/api/accounts/222200002222/exceptions",
    (request: Request) => exceptions.POST(request, { params: Promise.resolve({ accountId: "222200002222" }) }),
  ],
] as const;

beforeEach(() => {
  session.viewer = null;
});

describe.each(ROUTES)("%s", (_label, path, call) => {
  it("refuses the viewer role with 403 before reading a byte of the body", async () => {
    session.viewer = person("viewer");
    const { request, pulled } = post(path, 10 * 1024 * 1024);
    const response = await call(request);
    expect(response.status).toBe(403);
    expect(pulled.bytes).toBe(0);
  });

  it("answers an oversized body from a role that may act with 413, reading little more than 64 KB", async () => {
    session.viewer = person("admin");
    const { request, pulled } = post(path, 10 * 1024 * 1024);
    const response = await call(request);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(128 * 1024);
  });
});
