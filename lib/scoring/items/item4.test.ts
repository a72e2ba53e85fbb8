import { describe, expect, it } from "vitest";
import { collectFailed, type AccountEvidence, type SecurityGroup, type SgRule } from "../evidence";
import { runCase, testConfig, type Case } from "../testing/fixtures";
import {
  evaluateDefaultSgRestricted,
  evaluateSgAdminPortsOpen,
  evaluateSgAllPortsOpen,
  evaluateSgDbHighRiskPortsOpen,
  evaluateSgOtherPortsOpen,
  evaluateSgUnknownPublicSource,
} from "./item4";
import { isAllPorts, matchesPort, opensPortOutside } from "./sg-rules";

const rule = (protocol: string, from: number | null, to: number | null, cidrs: string[] = ["0.0.0.0/0"], ipv6Cidrs: string[] = []): SgRule => ({
  protocol, fromPort: from, toPort: to, cidrs, ipv6Cidrs, prefixListIds: [], groupPairs: 0,
});
const group = (ingress: SgRule[], over: Partial<SecurityGroup> = {}): SecurityGroup => ({ groupId: "sg-x", groupName: "x", vpcId: "vpc-1", ipPermissions: ingress, ipPermissionsEgress: [], ...over });
const withGroup = (g: SecurityGroup) => (d: AccountEvidence) => {
  const e = d.item4.securityGroups["eu-west-1"];
  if (e && "ok" in e && e.ok) e.value.push(g);
};
const denied = (d: AccountEvidence) => void (d.item4.securityGroups["eu-west-1"] = collectFailed("UnauthorizedOperation"));
const noRegions = (d: AccountEvidence) => void (d.item4.securityGroups = { "ap-east-1": { notApplicable: "Region not enabled" } });

const check = (evaluate: (ev: AccountEvidence, ctx: never) => { result: string; reason: string; resources: unknown[] }, c: Case) => {
  const r = runCase(evaluate as never, c) as { result: string; reason: string; resources: { region?: string }[] };
  expect(r.result).toBe(c.expected);
  if (c.reason) expect(r.reason).toMatch(c.reason);
  if (c.expected === "fail" || c.expected === "warn") expect(r.resources[0]?.region).toBe("eu-west-1");
};

describe("i4.sg_all_ports_open", () => {
  it.each<Case>([
    { name: "only 443 open", expected: "pass" },
    { name: "all traffic from 0.0.0.0/0", ev: withGroup(group([rule("-1", null, null)])), expected: "fail" },
    { name: "tcp 0-65535 from ::/0", ev: withGroup(group([rule("tcp", 0, 65535, [], ["::/0"])])), expected: "fail" },
    { name: "all traffic from a private range", ev: withGroup(group([rule("-1", null, null, ["10.0.0.0/8"])])), expected: "pass" },
    { name: "UnauthorizedOperation", ev: denied, expected: "unknown", reason: /^AccessDenied: ec2:DescribeSecurityGroups/ },
    { name: "no enabled Region", ev: noRegions, expected: "not_applicable" },
  ])("$name → $expected", (c) => check(evaluateSgAllPortsOpen as never, c));
});

describe("i4.sg_admin_ports_open", () => {
  it.each<Case>([
    { name: "no admin port open", expected: "pass" },
    { name: "ssh from the internet", ev: withGroup(group([rule("tcp", 22, 22)])), expected: "fail", reason: /admin ports/ },
    { name: "rdp inside a range from ::/0", ev: withGroup(group([rule("tcp", 3000, 4000, [], ["::/0"])])), expected: "fail" },
    { name: "ssh from the office only", ev: withGroup(group([rule("tcp", 22, 22, ["203.0.113.0/24"])])), expected: "pass" },
    { name: "udp 22 counts too (tcp/udp/6/17)", ev: withGroup(group([rule("17", 22, 22)])), expected: "fail" },
    { name: "icmp is not port-based", ev: withGroup(group([rule("icmp", -1, -1)])), expected: "pass" },
    { name: "throttled", ev: (d) => void (d.item4.securityGroups["us-east-1"] = collectFailed("RequestLimitExceeded")), expected: "unknown", reason: /^throttled/ },
    { name: "no enabled Region", ev: noRegions, expected: "not_applicable" },
  ])("$name → $expected", (c) => check(evaluateSgAdminPortsOpen as never, c));
});

describe("i4.sg_db_highrisk_ports_open", () => {
  it.each<Case>([
    { name: "database reachable only privately", expected: "pass" },
    { name: "postgres from the internet", ev: withGroup(group([rule("tcp", 5432, 5432)])), expected: "fail" },
    { name: "redis from the internet", ev: withGroup(group([rule("tcp", 6379, 6379)])), expected: "fail" },
    { name: "denied", ev: denied, expected: "unknown" },
    { name: "no enabled Region", ev: noRegions, expected: "not_applicable" },
  ])("$name → $expected", (c) => check(evaluateSgDbHighRiskPortsOpen as never, c));
});

describe("i4.sg_other_ports_open", () => {
  it.each<Case>([
    { name: "only 443 (authorised)", expected: "pass" },
    { name: "8443 from the internet", ev: withGroup(group([rule("tcp", 8443, 8443)])), expected: "warn" },
    { name: "80-443 range opens more than 80 and 443", ev: withGroup(group([rule("tcp", 80, 443)])), expected: "warn" },
    { name: "unattached group drops to info", ev: withGroup(group([rule("tcp", 8443, 8443)], { inUse: false })), expected: "pass" },
    { name: "denied", ev: denied, expected: "unknown" },
    { name: "no enabled Region", ev: noRegions, expected: "not_applicable" },
  ])("$name → $expected", (c) => check(evaluateSgOtherPortsOpen as never, c));
});

describe("i4.default_sg_restricted", () => {
  it.each<Case>([
    { name: "default groups empty", expected: "pass" },
    { name: "default group with an outbound rule", ev: withGroup(group([], { groupId: "sg-d2", groupName: "default", vpcId: "vpc-2", ipPermissionsEgress: [rule("-1", null, null)] })), expected: "fail" },
    { name: "default group with a self-referencing inbound rule", ev: withGroup(group([{ ...rule("-1", null, null, []), groupPairs: 1 }], { groupName: "default" })), expected: "fail" },
    { name: "denied", ev: denied, expected: "unknown" },
    { name: "no enabled Region", ev: noRegions, expected: "not_applicable" },
  ])("$name → $expected", (c) => check(evaluateDefaultSgRestricted as never, c));
});

describe("i4.sg_unknown_public_source", () => {
  const known = { config: testConfig({ knownCidrs: ["203.0.113.0/24", "2001:db8::/32"] }) };
  it.each<Case>([
    { name: "no known CIDRs configured", expected: "not_applicable" },
    { name: "only internet and private sources", ctx: known, expected: "pass" },
    { name: "known office range", ctx: known, ev: withGroup(group([rule("tcp", 22, 22, ["203.0.113.10/32"])])), expected: "pass" },
    { name: "known IPv6 range", ctx: known, ev: withGroup(group([rule("tcp", 22, 22, [], ["2001:db8:1::/48"])])), expected: "pass" },
    { name: "unknown public /32", ctx: known, ev: withGroup(group([rule("tcp", 22, 22, ["198.51.100.7/32"])])), expected: "warn" },
    { name: "CGNAT is not public", ctx: known, ev: withGroup(group([rule("tcp", 22, 22, ["100.64.1.0/24"])])), expected: "pass" },
    { name: "denied", ctx: known, ev: denied, expected: "unknown" },
  ])("$name → $expected", (c) => check(evaluateSgUnknownPublicSource as never, c));
});

describe("rule semantics", () => {
  it.each([
    [rule("-1", null, null), 5432, true],
    [rule("tcp", 20, 25), 22, true],
    [rule("tcp", 20, 21), 22, false],
    [rule("6", 22, 22), 22, true],
    [rule("icmp", 8, -1), 8, false],
  ])("matchesPort %#", (r, port, expected) => expect(matchesPort(r, port)).toBe(expected));
  it.each([
    [rule("-1", null, null), true],
    [rule("tcp", 0, 65535), true],
    [rule("udp", 1, 65535), false],
  ])("isAllPorts %#", (r, expected) => expect(isAllPorts(r)).toBe(expected));
  it("opensPortOutside", () => {
    const ok = new Set([80, 443]);
    expect(opensPortOutside(rule("tcp", 443, 443), ok)).toBe(false);
    expect(opensPortOutside(rule("tcp", 80, 81), ok)).toBe(true);
  });
});
