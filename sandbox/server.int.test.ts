import http from "node:http";
import { describe, expect, it } from "vitest";
import { sandboxForSuite } from "./contract/setup";
import { A } from "./testing/fixture";
import { assumeRole } from "./testing/clients";

const h = sandboxForSuite();

function raw(o: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: h.sb.port, path: o.path ?? "/", method: o.method ?? "POST", headers: o.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(o.body ?? "");
  });
}

const auth = (akid: string, service: string, region = "us-east-1") => `AWS4-HMAC-SHA256 Credential=${akid}/20261129/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

describe("server edge cases (raw HTTP)", () => {
  it("a request without SigV4 is rejected; an unknown service is named", async () => {
    expect((await raw({})).status).toBe(403);
    const r = await raw({ headers: { authorization: auth(h.s.management.accessKeyId, "dynamodb") } });
    expect([r.status, r.headers["x-amzn-errortype"]]).toEqual([400, "UnknownServiceException"]);
  });

  it("unknown operations and malformed bodies answer in the protocol's shape", async () => {
    const key = h.s.management.accessKeyId;
    const q = await raw({ headers: { authorization: auth(key, "iam"), "content-type": "application/x-www-form-urlencoded" }, body: "Action=DeleteUser&Version=2010-05-08" });
    expect(q.status).toBe(400);
    expect(q.body).toContain("<Code>InvalidAction</Code>");
    const j = await raw({ headers: { authorization: auth(key, "organizations"), "x-amz-target": "AWSOrganizationsV20161128.ListAccounts", "content-type": "application/x-amz-json-1.1" }, body: "{not json" });
    expect([j.status, JSON.parse(j.body).__type]).toEqual([400, "SerializationException"]);
  });

  it("unsigned /_sandbox/ control routes read status and set the clock", async () => {
    const status = JSON.parse((await raw({ method: "GET", path: "/_sandbox/status" })).body) as { clock: string; accounts: number };
    expect(status).toMatchObject({ clock: h.s.clock.toISOString(), accounts: Object.keys(h.s.accounts).length });
    const before = h.sb.scenario.clock;
    const set = await raw({ method: "PUT", path: "/_sandbox/clock", body: JSON.stringify({ clock: "2027-01-01T00:00:00Z" }) });
    expect([set.status, h.sb.scenario.clock.toISOString()]).toEqual([200, "2027-01-01T00:00:00.000Z"]);
    h.sb.setClock(before);
    expect((await raw({ method: "PUT", path: "/_sandbox/week/3" })).status).toBe(404);
  });

  it("S3 accepts virtual-hosted style (bucket in the Host) as well as path style", async () => {
    const c = await assumeRole(h.sb, A);
    const headers = { authorization: auth(c.accessKeyId, "s3", "eu-west-1"), host: `a-locked-logs.localhost:${h.sb.port}` };
    const r = await raw({ method: "GET", path: "/?versioning", headers });
    expect(r.status).toBe(200);
    expect(r.body).toContain("<Status>Enabled</Status>");
    const p = await raw({ method: "GET", path: "/a-locked-logs?versioning", headers: { ...headers, host: `localhost:${h.sb.port}` } });
    expect(p.body).toBe(r.body);
  });
});
