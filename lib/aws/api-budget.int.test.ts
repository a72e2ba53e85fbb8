// API-call budget (checks.md §17): about 20 calls per Region plus ~20 global calls per account.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { addAccount, createScenario, regionData, secureRegion } from "@/sandbox/scenario/builder";
import { collectedErrors, sandboxScanner } from "./testing/sandbox-scanner";

const PLAIN = "210000000001";
const SECURE = "210000000002";
let sandbox: Sandbox;

beforeAll(async () => {
  const s = createScenario();
  addAccount(s, { id: PLAIN, name: "plain" });
  const secure = addAccount(s, { id: SECURE, name: "secure" });
  for (const r of secure.enabledRegions) Object.assign(regionData(secure, r), secureRegion(s, SECURE, r));
  sandbox = await startSandbox({ scenario: s });
});
afterAll(() => sandbox?.stop());

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

it.each([
  ["a default account (every Region empty)", PLAIN],
  ["a default account with GuardDuty, Security Hub, Access Analyzer and Inspector on in every Region", SECURE],
])("%s stays within ~20 calls per Region + ~25 global", async (_n, id) => {
  const aws = sandboxScanner(sandbox, { credentialReportBaseDelayMs: 20 });
  const { org } = await aws.collectOrganization({ now: sandbox.scenario.clock });
  const { evidence, apiCalls } = await aws.collectAccount(id, { now: sandbox.scenario.clock, org });
  expect(collectedErrors(evidence)).toEqual([]); // a clean account is "ok", not "partial"
  const regions = evidence.regions.length;
  expect(regions).toBe(17);
  console.log(`${id}: ${total(apiCalls)} calls over ${regions} Regions`, JSON.stringify(apiCalls));
  expect(total(apiCalls)).toBeLessThanOrEqual(20 * regions + 25);
  // One DescribeTrails per Region at most, and one only when a logging multi-Region trail exists.
  expect(apiCalls.cloudtrail ?? 0).toBeLessThanOrEqual(regions);
});

it("organization-level calls are all counted", async () => {
  const aws = sandboxScanner(sandbox);
  sandbox.requests.clear();
  const { apiCalls } = await aws.collectOrganization({ now: sandbox.scenario.clock });
  expect(total(apiCalls)).toBe(sandbox.requests.list().length);
  expect(apiCalls.organizations).toBeGreaterThan(0);
});
