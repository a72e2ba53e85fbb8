import { describe, expect, it } from "vitest";
import { isExpectedHost, isLoopbackAddress, requestRefusal } from "./host-pin";
import { LOCAL_ADDRESS_HEADER, stampToken } from "./peer";

const publicSite = { TENFOLD_URL: "https://tenfold.example.com", TENFOLD_DEMO_MODE: false };
const demo = { TENFOLD_URL: undefined, TENFOLD_DEMO_MODE: true };
const e2eSignIn = { TENFOLD_URL: "http://localhost:3101", TENFOLD_DEMO_MODE: false };
const devWithoutUrl = { TENFOLD_URL: undefined, TENFOLD_DEMO_MODE: false };

describe("isExpectedHost", () => {
  it.each([
    [publicSite, "tenfold.example.com", true],
    [publicSite, "TENFOLD.example.com", true],
    [publicSite, "rebind.attacker.example", false],
    [publicSite, "tenfold.example.com.attacker.example", false],
    [publicSite, "tenfold.example.com:8443", false],
    [publicSite, "localhost:3000", false],
    [publicSite, "attacker.example@tenfold.example.com", false],
    [publicSite, "tenfold.example.com/", false],
    [publicSite, "", false],
    [publicSite, null, false],
    [e2eSignIn, "localhost:3101", true],
    [e2eSignIn, "localhost:3102", false],
    [e2eSignIn, "127.0.0.1:3101", false],
    [demo, "localhost:3000", true],
    [demo, "127.0.0.1:3000", true],
    [demo, "[::1]:3000", true],
    [demo, "tenfold.localhost:3000", true],
    [demo, "rebind.attacker.example", false],
    [demo, "rebind.attacker.example:3000", false],
    [demo, "127.0.0.1.nip.io:3000", false],
    [demo, "localhost.attacker.example", false],
    [demo, "192.168.1.20:3000", false],
    [devWithoutUrl, "localhost:3000", true],
    [devWithoutUrl, "rebind.attacker.example:3000", false],
  ])("%o: Host %j → %s", (env, host, expected) => {
    expect(isExpectedHost(host, env)).toBe(expected);
  });
});

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["10.0.0.5", false],
    ["::ffff:10.0.0.5", false],
    ["fe80::1", false],
    ["127.0.0.1.evil", false],
  ])("%s → %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe("requestRefusal", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("refuses a rebinding host with a matching Origin (the issue-14 repro), but not the public name", () => {
    const rebind = headers({ host: "rebind.attacker.example", origin: "http://rebind.attacker.example" });
    expect(requestRefusal("/api/scans", rebind, publicSite)).toEqual({ status: 421, error: "unknown host: set TENFOLD_URL to the origin people use" });
    expect(requestRefusal("/api/scans", headers({ host: "tenfold.example.com" }), publicSite)).toBeNull();
  });

  it("answers the health check and the bearer-only cron routes under any host", () => {
    const internal = headers({ host: "10.0.3.7:3000" });
    expect(requestRefusal("/api/health", internal, publicSite)).toBeNull();
    expect(requestRefusal("/api/cron/scan", internal, publicSite)).toBeNull();
    expect(requestRefusal("/api/healthz", internal, publicSite)?.status).toBe(421);
    expect(requestRefusal("/api/accounts/export", internal, publicSite)?.status).toBe(421);
  });

  it("answers a demo only for requests that arrived on loopback, health check included", () => {
    const stamp = (address: string) => `${stampToken()} ${address}`;
    const onLoopback = { host: "localhost:3000", [LOCAL_ADDRESS_HEADER]: stamp("127.0.0.1") };
    expect(requestRefusal("/", headers(onLoopback), demo)).toBeNull();
    expect(requestRefusal("/", headers({ ...onLoopback, [LOCAL_ADDRESS_HEADER]: stamp("::1") }), demo)).toBeNull();
    for (const local of ["192.168.1.20", "::ffff:10.0.0.5"]) {
      expect(requestRefusal("/api/health", headers({ ...onLoopback, [LOCAL_ADDRESS_HEADER]: stamp(local) }), demo)).toEqual({
        status: 421,
        error: "demo mode answers only on a loopback address",
      });
    }
    // No stamp: nothing says the request came in on loopback.
    expect(requestRefusal("/", headers({ host: "localhost:3000" }), demo)?.status).toBe(421);
    // A client's own claim (a request queued before the stamp was installed keeps it) is not the stamp.
    expect(requestRefusal("/", headers({ host: "localhost:3000", [LOCAL_ADDRESS_HEADER]: "127.0.0.1" }), demo)?.status).toBe(421);
    expect(requestRefusal("/", headers({ host: "localhost:3000", [LOCAL_ADDRESS_HEADER]: "forged-token 127.0.0.1" }), demo)?.status).toBe(421);
    expect(requestRefusal("/", headers({ host: "rebind.attacker.example", [LOCAL_ADDRESS_HEADER]: stamp("127.0.0.1") }), demo)?.status).toBe(421);
  });
});
