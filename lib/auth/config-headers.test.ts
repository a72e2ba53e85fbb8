// Which security headers each path gets, computed the way Next.js matches them: next.config.ts `headers()`
// sources with Next's own path matcher, proxy.ts's matcher with Next's own middleware matcher.
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import { modifyRouteRegex } from "next/dist/lib/redirect-status";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";
import { ASSET_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./security-headers";

// How Next compiles proxy.ts's `config.matcher` (exported by the module, missing from its type declarations).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => { regexp: string }[] };
const proxyMatchers = getMiddlewareMatchers(proxyConfig.matcher, {}).map((matcher) => new RegExp(matcher.regexp));
const proxyRuns = (path: string) => proxyMatchers.some((regexp) => regexp.test(path));

/** The headers next.config.ts adds to a response for `path`, later rules overwriting earlier ones as Next does. */
async function configHeadersFor(path: string): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const applied: Record<string, string> = {};
  for (const rule of rules) {
    // The options Next's router (server/lib/router-utils/filesystem.js buildCustomRoute) compiles a header rule with.
    if (!getPathMatch(rule.source, { strict: true, removeUnnamedParams: true, regexModifier: (regex) => modifyRouteRegex(regex) })(path)) continue;
    for (const { key, value } of rule.headers) applied[key] = value;
  }
  return applied;
}

const SKIPPED = ["/_next/static/chunks/main-abc.js", "/_next/static/no-such-file.js", "/_next/image", "/favicon.ico"];
const PROXIED = ["/", "/accounts", "/no-such-page", "/api/accounts/222200002222"];

describe("security headers on every path", () => {
  it.each([...SKIPPED, ...PROXIED])("%s gets the static security headers from next.config.ts", async (path) => {
    expect(await configHeadersFor(path)).toMatchObject(STATIC_SECURITY_HEADERS);
  });

  it.each(SKIPPED)("%s, which proxy.ts skips, gets the asset policy", async (path) => {
    expect(proxyRuns(path)).toBe(false);
    expect((await configHeadersFor(path))["Content-Security-Policy"]).toBe(ASSET_CONTENT_SECURITY_POLICY);
  });

  it.each(PROXIED)("%s keeps proxy.ts's nonce policy as its only policy", async (path) => {
    expect(proxyRuns(path)).toBe(true);
    expect(await configHeadersFor(path)).not.toHaveProperty("Content-Security-Policy");
  });
});
