// The whole demo organization (39 accounts, 17 Regions) through lib/aws and lib/scoring, before (week 0)
// and after (week 12) its organization trail: every ACTIVE account is entered, nothing fails to be
// collected and every check is evaluable (only attestation checks stay unknown).
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG, scoreAccount } from "@/lib/scoring";
import { demoScenarioAt } from "@/sandbox/demo";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { collectedErrors, sandboxScanner } from "./testing/sandbox-scanner";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenarioAt(0) });
});
afterAll(() => sandbox?.stop());

it.each([0, 12])("week %i: complete evidence for every account of the demo organization", async (week) => {
  sandbox.setScenario(demoScenarioAt(week));
  const aws = sandboxScanner(sandbox);
  const now = sandbox.scenario.clock;
  const { org, discovery, apiCalls } = await aws.collectOrganization({ now });
  expect(apiCalls.organizations).toBeGreaterThan(0);
  expect(collectedErrors(org, "org")).toEqual([]);
  if (org.organizationTrails.ok && org.organizationTrails.value.length > 0) {
    expect(org.logArchiveAccountId).toBeDefined();
    expect(Object.keys(org.logBuckets)).not.toHaveLength(0);
  }

  const active = Object.values(discovery.accounts).filter((a) => a.state === "ACTIVE");
  expect(active.length).toBeGreaterThanOrEqual(37);
  const unknown: string[] = [];
  const errors: string[] = [];
  await Promise.all(
    active.map(async (a) => {
      const { evidence } = await aws.collectAccount(a.id, { now, org });
      expect(evidence.regions).toHaveLength(17);
      errors.push(...collectedErrors(evidence, a.name));
      const score = scoreAccount(evidence, org, { now: now.toISOString(), config: DEFAULT_SCORING_CONFIG, accountId: a.id, isManagementAccount: a.id === discovery.managementAccountId });
      for (const c of score.items.flatMap((i) => i.checks))
        if (c.result === "unknown" && c.reason !== "needs attestation") unknown.push(`${a.name} ${c.id}: ${c.reason}`);
    }),
  );
  expect(errors).toEqual([]); // every account is "ok", none "partial"
  expect(unknown).toEqual([]);
}, 240_000);
