import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  const policy = contentSecurityPolicy("abc123", { dev: false, https: true });
  const directives = Object.fromEntries(policy.split("; ").map((entry) => [entry.split(" ")[0], entry]));

  it.each([
    ["script-src", "script-src 'self' 'nonce-abc123' 'strict-dynamic'"],
    ["object-src", "object-src 'none'"],
    ["base-uri", "base-uri 'none'"],
    ["frame-ancestors", "frame-ancestors 'none'"],
    ["form-action", "form-action 'self'"],
    ["upgrade-insecure-requests", "upgrade-insecure-requests"],
  ])("sets %s", (name, value) => {
    expect(directives[name]).toBe(value);
  });

  it("never allows inline or eval'd scripts in production", () => {
    expect(directives["script-src"]).not.toContain("unsafe-inline");
    expect(directives["script-src"]).not.toContain("unsafe-eval");
  });

  it("allows eval in development only, and no TLS upgrade on plain http", () => {
    const dev = contentSecurityPolicy("n", { dev: true, https: false });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).not.toContain("upgrade-insecure-requests");
  });
});

describe("newNonce", () => {
  it("is 16 random bytes", () => {
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(newNonce());
  });
});
