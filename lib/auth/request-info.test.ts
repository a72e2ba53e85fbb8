import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { installPeerStamp, PEER_HEADER, peerAddress } from "./peer";
import { clientAddress, requestInfoFrom } from "./request-info";

/** Headers as a real server of this process hands them to a route handler, with the peer stamp installed. */
async function headersSeenByServer(sent: Record<string, string>): Promise<Headers> {
  installPeerStamp();
  let seen: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    seen = request.headers;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: sent });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return new Headers(Object.entries(seen).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
}

describe("requestInfoFrom (audit IP)", () => {
  it("ignores a client's X-Forwarded-For and forged peer header without trusted proxies: the socket address", async () => {
    const headers = await headersSeenByServer({ "x-forwarded-for": "203.0.113.66", [PEER_HEADER]: "forged 198.51.100.1", "x-real-ip": "198.51.100.2" });
    expect(requestInfoFrom(headers, 0).ip).toBe("127.0.0.1");
    expect(peerAddress(headers)).toBe("127.0.0.1");
  });

  it("never believes a peer header this process did not stamp", () => {
    expect(peerAddress(new Headers({ [PEER_HEADER]: "whatever 198.51.100.1" }))).toBeNull();
    expect(requestInfoFrom(new Headers({ "x-forwarded-for": "203.0.113.66" }), 0).ip).toBeNull();
  });

  it("behind one trusted proxy takes the hop that proxy appended", async () => {
    const headers = await headersSeenByServer({ "x-forwarded-for": "203.0.113.66, 192.0.2.10" });
    expect(requestInfoFrom(headers, 1).ip).toBe("192.0.2.10");
  });

  it.each([
    ["no proxies: the socket", "10.0.0.5", "1.1.1.1, 2.2.2.2", 0, "10.0.0.5"],
    ["count 1", "10.0.0.5", "1.1.1.1, 2.2.2.2", 1, "2.2.2.2"],
    ["count 2", "10.0.0.5", "1.1.1.1, 2.2.2.2", 2, "1.1.1.1"],
    ["count 1 without a header: the socket", "10.0.0.5", null, 1, "10.0.0.5"],
    ["list, peer is a proxy", "10.0.0.5", "1.1.1.1, 2.2.2.2", ["10.0.0.0/8"], "2.2.2.2"],
    ["list, two proxies in a row", "10.0.0.5", "1.1.1.1, 10.9.9.9", ["10.0.0.0/8"], "1.1.1.1"],
    ["list, peer is not a proxy: header ignored", "198.51.100.7", "1.1.1.1", ["10.0.0.0/8"], "198.51.100.7"],
    ["list with IPv6 and IPv4-mapped peer", "::ffff:192.0.2.1", "2001:db8::9", ["192.0.2.1", "2001:db8:1::/48"], "2001:db8::9"],
  ] as const)("%s", (_label, peer, forwarded, trusted, expected) => {
    expect(clientAddress(peer, forwarded, typeof trusted === "number" ? trusted : [...trusted])).toBe(expected);
  });

  it("cuts the user agent to 200 characters", () => {
    expect(requestInfoFrom(new Headers({ "user-agent": "x".repeat(400) }), 0).userAgent).toHaveLength(200);
  });
});

describe("TENFOLD_TRUSTED_PROXIES", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["1", 1],
    ["10.0.0.0/8, 192.168.1.5,2001:db8::/32", ["10.0.0.0/8", "192.168.1.5", "2001:db8::/32"]],
  ])("parses %j", (raw, expected) => {
    expect(parseEnv({ TENFOLD_TRUSTED_PROXIES: raw }).TENFOLD_TRUSTED_PROXIES).toEqual(expected);
  });

  it.each(["11", "-1", "yes", "10.0.0.0/8,load-balancer", "10.0.0.0/33", "300.1.1.1", "2001:db8::/129", "10.0.0.0/8/1"])("refuses %j", (raw) => {
    expect(() => parseEnv({ TENFOLD_TRUSTED_PROXIES: raw })).toThrow(/TENFOLD_TRUSTED_PROXIES: must be a hop count/);
  });
});
