import { describe, expect, it } from "vitest";
import { collected, collectFailed } from "../evidence";
import { runCase, testConfig, type Case } from "../testing/fixtures";
import { evaluateBillingContact, evaluateContactsAttested, evaluateContactsDistinctShared, evaluateOperationsContact, evaluateSecurityContact, scoreItem1 } from "./item1";

const contact = (emailAddress: string) => collected({ emailAddress });

describe.each([
  ["i1.security_contact", evaluateSecurityContact, "security"],
  ["i1.billing_contact", evaluateBillingContact, "billing"],
  ["i1.operations_contact", evaluateOperationsContact, "operations"],
] as const)("%s", (id, evaluate, key) => {
  it.each<Case>([
    { name: "contact with email", expected: "pass" },
    { name: "ResourceNotFoundException (null)", ev: (d) => void (d.item1.alternateContacts[key] = collected(null)), expected: "fail" },
    { name: "empty email", ev: (d) => void (d.item1.alternateContacts[key] = contact(" ")), expected: "fail" },
    { name: "AccessDenied", ev: (d) => void (d.item1.alternateContacts[key] = collectFailed("AccessDeniedException")), expected: "unknown", reason: "AccessDenied: account:GetAlternateContact" },
    { name: "throttled", ev: (d) => void (d.item1.alternateContacts[key] = collectFailed("TooManyRequestsException")), expected: "unknown", reason: "throttled" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluate, c);
    expect(r).toMatchObject({ id, result: c.expected });
    if (c.reason) expect(r.reason).toMatch(c.reason);
  });
});

describe("i1.contacts_distinct_shared", () => {
  it.each<Case>([
    { name: "three distinct aliases", expected: "pass" },
    { name: "two contacts share an email", ev: (d) => void (d.item1.alternateContacts.billing = contact("SECURITY@example.com")), expected: "warn", reason: /shares its email/ },
    { name: "a contact is the root email", ev: (d) => void (d.item1.alternateContacts.operations = contact("aws+workload@example.com")), expected: "warn", reason: /root email/ },
    { name: "personal address", ev: (d) => void (d.item1.alternateContacts.security = contact("jane.doe@example.com")), expected: "warn", reason: /personal/ },
    { name: "domain outside the list", ctx: { config: { ...testConfig(), contactDomains: ["corp.example"] } }, expected: "warn", reason: /outside the contact domains/ },
    { name: "a contact is missing", ev: (d) => void (d.item1.alternateContacts.billing = collected(null)), expected: "not_applicable" },
    { name: "a contact read failed", ev: (d) => void (d.item1.alternateContacts.billing = collectFailed("ThrottlingException")), expected: "unknown", reason: "throttled" },
  ])("$name → $expected", (c) => {
    const r = runCase(evaluateContactsDistinctShared, c);
    expect(r.result).toBe(c.expected);
    if (c.reason) expect(r.reason).toMatch(c.reason);
    expect(JSON.stringify(r)).not.toMatch(/@/); // reasons and resources name contact types, never addresses
  });
});

it("i1.contacts_attested needs attestation", () => {
  expect(runCase(evaluateContactsAttested, { name: "", expected: "unknown" })).toMatchObject({ result: "unknown", reason: "needs attestation", severity: "medium" });
});

it("scoreItem1 returns the five checks", () => {
  expect(runCase(scoreItem1, { name: "", expected: "pass" }).map((c) => c.id)).toEqual([
    "i1.security_contact",
    "i1.billing_contact",
    "i1.operations_contact",
    "i1.contacts_distinct_shared",
    "i1.contacts_attested",
  ]);
});
