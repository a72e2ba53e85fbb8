import { defineConfig, devices } from "@playwright/test";
import { AUTH_APP_DATA_DIR, AUTH_APP_PORT, AUTH_APP_URL, OIDC_ISSUER } from "./e2e/support/oidc-users";
import { DASHBOARD_DATA_DIR } from "./e2e/support/demo-server";
import { THRESHOLDS_AMBER, THRESHOLDS_DATA_DIR, THRESHOLDS_PORT } from "./e2e/support/thresholds-server";

// Browser tests drive Debian's Chromium against a production build (`next build` first, then
// scripts/e2e-server.sh serves it on a throwaway embedded database).
const PORT = Number(process.env.E2E_PORT ?? 3100);
// e2e/auth*.spec.ts (but auth-demo) run against a second server that signs in through a real OIDC
// provider the tests start; everything else against the demo-mode server.
const SIGN_IN_SPECS = /\/auth(?!-demo)[^/]*\.spec\.ts$/;
// e2e/dashboard*.spec.ts and e2e/review*.spec.ts run against the demo organisation with a short backfilled timeline.
const DASHBOARD_SPECS = /\/(dashboard|review)[^/]*\.spec\.ts$/;
const DASHBOARD_PORT = Number(process.env.E2E_DASHBOARD_PORT ?? 3104);
// e2e/workflow*.spec.ts change the demo organisation's scores (exceptions, a scan dated past an expiry):
// they run on the same server, after every dashboard spec.
const WORKFLOW_SPECS = /\/workflow[^/]*\.spec\.ts$/;
// e2e/thresholds*.spec.ts seed their own accounts into a demo-mode server scoring with an amber threshold of 70.
const THRESHOLD_SPECS = /\/thresholds[^/]*\.spec\.ts$/;
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 90_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: [SIGN_IN_SPECS, DASHBOARD_SPECS, WORKFLOW_SPECS, THRESHOLD_SPECS], use: chromium },
    { name: "dashboard", testMatch: DASHBOARD_SPECS, use: { ...chromium, baseURL: `http://localhost:${DASHBOARD_PORT}` } },
    { name: "workflow", testMatch: WORKFLOW_SPECS, dependencies: ["dashboard"], use: { ...chromium, baseURL: `http://localhost:${DASHBOARD_PORT}` } },
    { name: "auth", testMatch: SIGN_IN_SPECS, use: { ...chromium, baseURL: AUTH_APP_URL } },
    { name: "thresholds", testMatch: THRESHOLD_SPECS, use: { ...chromium, baseURL: `http://localhost:${THRESHOLDS_PORT}` } },
  ],
  webServer: [
    {
      // The demo organisation: sandbox, a few backfilled weekly scans, worker; about 40 s per week.
      command: `E2E_DATA_DIR=${DASHBOARD_DATA_DIR} bash scripts/e2e-server.sh ${DASHBOARD_PORT} dashboard`,
      url: `http://localhost:${DASHBOARD_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Demo mode: sign-in off, bound to loopback.
      command: `bash scripts/e2e-server.sh ${PORT} demo`,
      url: `http://localhost:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Demo mode on an empty database the spec seeds; the yearly schedule keeps a scheduled scan (there is
      // no sandbox behind this server) from marking the seeded accounts unreachable mid-run.
      command: `TENFOLD_AMBER_THRESHOLD=${THRESHOLDS_AMBER} TENFOLD_SCHEDULE='0 0 1 1 *' E2E_DATA_DIR=${THRESHOLDS_DATA_DIR} bash scripts/e2e-server.sh ${THRESHOLDS_PORT} demo`,
      url: `http://localhost:${THRESHOLDS_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `E2E_DATA_DIR=${AUTH_APP_DATA_DIR} bash scripts/e2e-server.sh ${AUTH_APP_PORT} oidc`,
      url: `${AUTH_APP_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
