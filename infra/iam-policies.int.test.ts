// Every AWS call Tenfold makes while scanning the demo organisation (before and after its organisation
// trail) is granted by the shipped role templates: SecurityAudit (committed copy) plus the inline policies.
// The operations are the scanner's own record (onApiCall), so a new call without a permission fails here.
import { afterAll, beforeAll, expect, it } from "vitest";
import { sandboxScanner } from "@/lib/aws/testing/sandbox-scanner";
import { demoScenarioAt } from "@/sandbox/demo";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { ungrantedCalls, type ApiCall } from "./iam-actions";
import { roleGrants } from "./templates";

let sandbox: Sandbox;
const calls = new Map<string, ApiCall>();

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenarioAt(0) });
  for (const week of [0, 12]) {
    sandbox.setScenario(demoScenarioAt(week));
    const now = sandbox.scenario.clock;
    const aws = sandboxScanner(sandbox, {}, { onApiCall: (service, operation, scope) => void calls.set(`${service} ${operation} ${scope === "org" ? "org" : "account"}`, { service, operation, scope }) });
    const { org, discovery } = await aws.collectOrganization({ now });
    const active = Object.values(discovery.accounts).filter((a) => a.state === "ACTIVE");
    await Promise.all(active.map((a) => aws.collectAccount(a.id, { now, org })));
  }
}, 300_000);
afterAll(() => sandbox?.stop());

it("records the scan's calls, the optional Macie and Inspector-findings reads among them", () => {
  const ops = new Set([...calls.values()].map((c) => `${c.service}:${c.operation}`));
  for (const op of ["sts:AssumeRole", "organizations:ListAccounts", "iam:GetCredentialReport", "s3control:GetPublicAccessBlock", "s3:ListBuckets", "macie2:GetMacieSession", "inspector2:ListFindings"])
    expect(ops, op).toContain(op);
});

it("every call is granted by the role that makes it (member role in accounts, scanner role for AssumeRole, both for org-level reads)", () => {
  expect(ungrantedCalls([...calls.values()], roleGrants())).toEqual([]);
});

it("would fail with the Macie permission left out of the inline policy (SecurityAudit has only macie2:ListFindings)", () => {
  const grants = roleGrants();
  const withoutMacie = { ...grants, member: grants.member.filter((action) => action !== "macie2:GetMacieSession") };
  expect(ungrantedCalls([...calls.values()], withoutMacie)).toEqual(["member role lacks macie2:GetMacieSession (macie2 GetMacieSession)"]);
});
