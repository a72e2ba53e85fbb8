import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The image's `web` process: which address server.js is told to bind (it reads HOSTNAME). A stand-in
// `node` on PATH prints what it was given instead of starting the server.
const fakeBin = mkdtempSync(path.join(tmpdir(), "tenfold-entrypoint-"));
writeFileSync(path.join(fakeBin, "node"), '#!/bin/sh\necho "HOSTNAME=$HOSTNAME $*"\n');
chmodSync(path.join(fakeBin, "node"), 0o755);
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

function webProcess(env: Record<string, string>): string {
  return execFileSync("sh", [path.resolve("deploy/docker-entrypoint.sh"), "web"], {
    env: { NODE_ENV: "production", PATH: `${fakeBin}:${process.env.PATH}`, ...env },
    encoding: "utf8",
  }).trim();
}

// A demo defaults to loopback; an explicit HOST wins (lib/env.ts and the server refuse a non-loopback demo).
describe("docker-entrypoint.sh web", () => {
  it.each([
    [{}, "HOSTNAME=0.0.0.0 server.js"],
    [{ TENFOLD_DEMO_MODE: "true" }, "HOSTNAME=127.0.0.1 server.js"],
    [{ TENFOLD_DEMO_MODE: "1" }, "HOSTNAME=127.0.0.1 server.js"],
    [{ TENFOLD_DEMO_MODE: "false" }, "HOSTNAME=0.0.0.0 server.js"],
    [{ TENFOLD_DEMO_MODE: "true", HOST: "::1" }, "HOSTNAME=::1 server.js"],
    [{ HOST: "10.0.0.4" }, "HOSTNAME=10.0.0.4 server.js"],
  ])("%o → %s", (env, expected) => {
    expect(webProcess(env)).toBe(expected);
  });
});
