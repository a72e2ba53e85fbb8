// Unauthenticated calls to /api/cron/*: one denied audit row per source per minute (with a count of the
// rest), and bounded header values — so a caller without the secret cannot fill the audit log.
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/client";
import { auditLog } from "@/db/schema";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.CRON_SECRET = "a-cron-secret-of-32-characters!!";
// Behind one proxy: X-Forwarded-For's last hop is the source, so each test can be its own source.
process.env.TENFOLD_TRUSTED_PROXIES = "1";
const { rejectUnlessCron } = await import("./cron-guard");
const { getConnection } = await import("@/lib/db/connection");

const connection = connect(inject("databaseUrl"), { max: 2 });
afterAll(async () => {
  await connection.close();
  await (await getConnection()).close();
});

const AT = new Date("2026-03-02T10:00:00.000Z");
const seconds = (count: number) => new Date(AT.getTime() + count * 1000);
const run = randomUUID().slice(0, 8);

const denied = (path: string, source: string, userAgent = "curl/8") =>
  new Request(`http://localhost:3000${path}`, { method: "POST", headers: { "x-forwarded-for": source, "user-agent": userAgent, authorization: "Bearer wrong" } });
const rowsFor = (path: string) =>
  connection.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.denied"), eq(auditLog.targetId, path))).orderBy(asc(auditLog.id));

describe("rejectUnlessCron", () => {
  it("writes one row per source per minute however often it is called, and counts the rest on the next row", async () => {
    const path = `/api/cron/scan-${run}-a`;
    for (let call = 0; call < 50; call += 1) {
      const response = await rejectUnlessCron(denied(path, "198.51.100.10"), seconds(call));
      expect(response?.status).toBe(401);
    }
    expect(await rowsFor(path)).toHaveLength(1);

    await rejectUnlessCron(denied(path, "198.51.100.10"), seconds(61));
    const rows = await rowsFor(path);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ ip: "198.51.100.10", at: seconds(61), detail: { reason: "wrong bearer", suppressed: 49 } });
  });

  it("keeps sources apart: another address in the same minute gets its own row", async () => {
    const path = `/api/cron/scan-${run}-b`;
    await rejectUnlessCron(denied(path, "198.51.100.20"), AT);
    await rejectUnlessCron(denied(path, "198.51.100.20"), seconds(1));
    await rejectUnlessCron(denied(path, "198.51.100.21"), seconds(2));
    expect((await rowsFor(path)).map((row) => row.ip)).toEqual(["198.51.100.20", "198.51.100.21"]);
  });

  it("stores at most 200 characters of a 400-character user agent", async () => {
    const path = `/api/cron/scan-${run}-c`;
    await rejectUnlessCron(denied(path, "198.51.100.30", "u".repeat(400)), AT);
    const [row] = await rowsFor(path);
    expect(row?.userAgent).toBe("u".repeat(200));
  });

  it("lets the right bearer through without a row", async () => {
    const path = `/api/cron/scan-${run}-d`;
    const request = new Request(`http://localhost:3000${path}`, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(await rejectUnlessCron(request, AT)).toBeNull();
    expect(await rowsFor(path)).toEqual([]);
  });
});
