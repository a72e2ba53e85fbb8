import { describe, expect, it } from "vitest";
import { clientConfig, endpointFor } from "./clients";
import { localExpiry } from "./credentials";
import { attempt, call, failed, isRegionDisabledError, regionalFailure } from "./errors";
import { createLimiter, mapLimit } from "./limiter";
import { isLoopbackUrl } from "./loopback";
import { intersectRegions } from "./regions";
import { defaultAwsSettings, resolveAwsSettings } from "./settings";

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe("error classification (checks.md §1.4)", () => {
  it("keeps err.name and the IAM action of the failing call", async () => {
    const r = await attempt("iam:GetAccountSummary", () => call("iam:GetCredentialReport", () => Promise.reject(named("AccessDenied", "no"))));
    expect(r).toEqual({ ok: false, error: { code: "AccessDenied", message: "no", action: "iam:GetCredentialReport" } });
  });
  it("falls back to the collector's default action", () => {
    expect(failed(named("ThrottlingException"), "kms:ListKeys")).toEqual({
      ok: false,
      error: { code: "ThrottlingException", message: "ThrottlingException", action: "kms:ListKeys" },
    });
  });
  it.each([
    ["UnrecognizedClientException", true],
    ["InvalidClientTokenId", true],
    ["AuthFailure", true],
    ["AccessDeniedException", false],
    ["InternalServerException", false],
  ])("%s in a Region → notApplicable: %s", (name, na) => {
    expect(isRegionDisabledError(named(name))).toBe(na);
    const r = regionalFailure(named(name), "guardduty:ListDetectors", "ap-east-1");
    expect("notApplicable" in r).toBe(na);
  });
  it("DNS ENOTFOUND → notApplicable", () => {
    const err = Object.assign(new Error("getaddrinfo ENOTFOUND guardduty.xx-east-9.amazonaws.com"), { code: "ENOTFOUND" });
    expect(regionalFailure(err, "guardduty:ListDetectors", "xx-east-9")).toEqual({ notApplicable: expect.stringContaining("ENOTFOUND") });
  });
  it("lets an abort through", async () => {
    await expect(attempt("x:Y", () => Promise.reject(named("AbortError")))).rejects.toThrow("AbortError");
  });
});

describe("loopback detection (checks.md §15.6)", () => {
  it.each([
    ["http://localhost:4566", true],
    ["http://127.0.0.1:4566", true],
    ["http://127.5.6.7", true],
    ["http://[::1]:4566", true],
    ["http://123456789012.localhost:4566", true],
    ["https://s3.us-east-1.amazonaws.com", false],
    ["http://10.0.0.5:4566", false],
    ["http://localhost.example.com", false],
    ["not a url", false],
  ])("%s → %s", (url, expected) => expect(isLoopbackUrl(url)).toBe(expected));

  it("prefers the service-specific override", () => {
    const o = { AWS_ENDPOINT_URL: "http://localhost:1", AWS_ENDPOINT_URL_S3_CONTROL: "http://localhost:2" };
    expect(endpointFor("s3control", o)).toBe("http://localhost:2");
    expect(endpointFor("s3", o)).toBe("http://localhost:1");
    expect(endpointFor("s3", {})).toBeUndefined();
  });

  it("applies path-style S3 and the loopback handler only with a loopback override", () => {
    const s = defaultAwsSettings();
    const handler = { marker: true } as never;
    const local = clientConfig("s3", "us-east-1", { ...s, endpointOverrides: { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" } }, () => handler);
    expect(local).toMatchObject({ endpoint: "http://127.0.0.1:4566", forcePathStyle: true, requestHandler: handler, maxAttempts: 3, retryMode: "standard" });
    const remote = clientConfig("s3control", "us-east-1", { ...s, endpointOverrides: { AWS_ENDPOINT_URL: "https://proxy.internal:443" } }, () => handler);
    expect(remote.requestHandler).toBeUndefined();
    const aws = clientConfig("iam", "us-east-1", { ...s, maxAttempts: 7, retryMode: "adaptive" }, () => handler);
    expect(aws).toEqual({ region: "us-east-1", maxAttempts: 7, retryMode: "adaptive" });
  });
});

describe("regions", () => {
  it("intersects enabled Regions with the allow-list and drops allow-listed Regions that are not enabled", () => {
    expect(intersectRegions(["us-east-1", "eu-west-1", "eu-central-1"], ["eu-west-1", "ap-east-1", "us-east-1"])).toEqual(["eu-west-1", "us-east-1"]);
    expect(intersectRegions(["us-east-1", "eu-west-1"], [])).toEqual(["eu-west-1", "us-east-1"]);
  });
});

describe("settings", () => {
  it("fills defaults and ignores undefined values", () => {
    const s = resolveAwsSettings({ roleName: "R", externalId: undefined, homeRegion: undefined, perAccountConcurrency: 0 });
    expect(s.roleName).toBe("R");
    expect(s.homeRegion).toBe("us-east-1");
    expect(s.perAccountConcurrency).toBe(1);
    expect("externalId" in s).toBe(false);
  });
});

describe("limiter", () => {
  it("bounds concurrency", async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
  it("mapLimit keeps order", async () => {
    expect(await mapLimit([3, 1, 2], 2, async (x) => x * 2)).toEqual([6, 2, 4]);
  });
});

describe("session expiry on the local clock", () => {
  const t0 = Date.parse("2026-11-29T10:00:00Z");
  it("uses AWS's Expiration when it is plausible", () => {
    expect(localExpiry(new Date(t0 + 3600_000), t0 - 100, t0).getTime()).toBe(t0 - 100 + 3600_000);
    expect(localExpiry(new Date(t0 + 1800_000), t0, t0).getTime()).toBe(t0 + 1800_000);
  });
  it("falls back to the requested duration when the clocks disagree", () => {
    expect(localExpiry(new Date(t0 - 6 * 86_400_000), t0, t0).getTime()).toBe(t0 + 3600_000); // expiration in the local past
    expect(localExpiry(new Date(t0 + 7 * 3600_000), t0, t0).getTime()).toBe(t0 + 3600_000); // far in the local future
    expect(localExpiry(undefined, t0, t0).getTime()).toBe(t0 + 3600_000);
  });
});
