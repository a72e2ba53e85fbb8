import { expect, test } from "@playwright/test";

// POST /api/cron/scan is a machine route: bearer CRON_SECRET only, no session. It runs against the
// sign-in-enforcing server (the "auth" project), so the demo-mode server keeps its empty state.
const SECRET = process.env.CRON_SECRET ?? "e2e-cron-secret-not-for-production";

test.describe("POST /api/cron/scan", () => {
  test("answers 401 without a bearer", async ({ request }) => {
    const response = await request.post("/api/cron/scan");
    expect(response.status()).toBe(401);
  });

  test("answers 401 with a wrong bearer", async ({ request }) => {
    const response = await request.post("/api/cron/scan", { headers: { authorization: "Bearer wrong-secret-of-some-length" } });
    expect(response.status()).toBe(401);
  });

  test("answers 400 for a bad slot", async ({ request }) => {
    const response = await request.post(`/api/cron/scan?slot=${"x".repeat(200)}`, { headers: { authorization: `Bearer ${SECRET}` } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toContain("slot");
  });

  test("answers 202 with the scan id, and the same scan for a repeated slot", async ({ request }) => {
    const headers = { authorization: `Bearer ${SECRET}` };
    const first = await request.post("/api/cron/scan?slot=e2e-slot-1", { headers });
    expect(first.status()).toBe(202);
    const body = await first.json();
    expect(body.scanId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await request.post("/api/cron/scan?slot=e2e-slot-1", { headers });
    expect(again.status()).toBe(202);
    expect((await again.json()).scanId).toBe(body.scanId);
  });
});
