import { describe, expect, it } from "vitest";
import { shapeSelectors } from "./cloudtrail";
import { backoffMs, fetchCredentialReport, type Clock, type CredentialReportApi } from "./credential-report";
import { flattenPermission, shapeSecurityGroup } from "./ec2";
import { latestPerFamily } from "./ecs";
import { shapeAuthorizationDetails } from "./iam";
import { allFourFlags, shapeGrants, shapePublicAccessBlock } from "./s3";
import { SecretScanBuilder } from "./secrets-scan";

describe("security group flattening", () => {
  it("flattens an all-traffic rule without ports", () => {
    expect(flattenPermission({ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] })).toEqual({
      protocol: "-1", fromPort: null, toPort: null, cidrs: ["0.0.0.0/0"], ipv6Cidrs: [], prefixListIds: [], groupPairs: 0,
    });
  });
  it("keeps IPv6, prefix lists and group references apart", () => {
    expect(
      flattenPermission({
        IpProtocol: "tcp", FromPort: 22, ToPort: 22,
        IpRanges: [{ CidrIp: "10.0.0.0/8" }], Ipv6Ranges: [{ CidrIpv6: "::/0" }],
        PrefixListIds: [{ PrefixListId: "pl-1" }], UserIdGroupPairs: [{ GroupId: "sg-1" }, { GroupId: "sg-2" }],
      }),
    ).toEqual({ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["10.0.0.0/8"], ipv6Cidrs: ["::/0"], prefixListIds: ["pl-1"], groupPairs: 2 });
  });
  it("shapes a group without a VPC", () => {
    expect(shapeSecurityGroup({ GroupId: "sg-1", GroupName: "default" })).toEqual({ groupId: "sg-1", groupName: "default", ipPermissions: [], ipPermissionsEgress: [] });
  });
});

describe("credential report state machine (checks.md §12)", () => {
  const fakeClock = () => {
    let t = 0;
    const sleeps: number[] = [];
    const clock: Clock = { now: () => t, sleep: async (ms) => { sleeps.push(ms); t += ms; }, random: () => 1 };
    return { clock, sleeps };
  };
  const err = (name: string) => Object.assign(new Error(name), { name });
  const csv = "user,arn\n";
  const report = { content: new TextEncoder().encode(csv), generatedTime: new Date("2026-11-29T10:00:00Z") };

  it("COMPLETE at once → one Generate, one Get, no wait", async () => {
    const calls: string[] = [];
    const api: CredentialReportApi = { generate: async () => (calls.push("gen"), "COMPLETE"), get: async () => (calls.push("get"), report) };
    const { clock, sleeps } = fakeClock();
    expect(await fetchCredentialReport(api, { budgetMs: 60_000, baseDelayMs: 1000 }, clock)).toEqual({ csv, generatedTime: report.generatedTime });
    expect(calls).toEqual(["gen", "get"]);
    expect(sleeps).toEqual([]);
  });

  it("STARTED → INPROGRESS → COMPLETE with exponential backoff; LimitExceeded counts as in progress", async () => {
    const states: (string | Error)[] = ["STARTED", err("LimitExceededException"), "INPROGRESS", "COMPLETE"];
    const api: CredentialReportApi = {
      generate: async () => {
        const s = states.shift() ?? "COMPLETE";
        if (s instanceof Error) throw s;
        return s;
      },
      get: async () => report,
    };
    const { clock, sleeps } = fakeClock();
    await fetchCredentialReport(api, { budgetMs: 60_000, baseDelayMs: 1000 }, clock);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it("ReportInProgress / ReportNotPresent on Get → wait and Generate again", async () => {
    const gets: (Error | typeof report)[] = [err("CredentialReportNotReadyException"), err("CredentialReportExpiredException"), report];
    let generates = 0;
    const api: CredentialReportApi = {
      generate: async () => (generates++, "COMPLETE"),
      get: async () => {
        const g = gets.shift();
        if (g instanceof Error) throw g;
        return g ?? report;
      },
    };
    const { clock } = fakeClock();
    await fetchCredentialReport(api, { budgetMs: 60_000, baseDelayMs: 10 }, clock);
    expect(generates).toBe(3);
  });

  it("gives up after the budget, never in a tight loop", async () => {
    const api: CredentialReportApi = { generate: async () => "INPROGRESS", get: async () => report };
    const { clock, sleeps } = fakeClock();
    await expect(fetchCredentialReport(api, { budgetMs: 60_000, baseDelayMs: 1000 }, clock)).rejects.toMatchObject({ name: "CredentialReportNotReady" });
    expect(sleeps.every((s) => s >= 1000)).toBe(true);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60_000);
    expect(Math.max(...sleeps)).toBe(10_000);
  });

  it("propagates other errors (AccessDenied)", async () => {
    const api: CredentialReportApi = { generate: async () => { throw err("AccessDenied"); }, get: async () => report };
    await expect(fetchCredentialReport(api, { budgetMs: 1000, baseDelayMs: 10 }, fakeClock().clock)).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("backoff: min(base·2^k, 10·base) with jitter in [50 %, 100 %]", () => {
    expect(backoffMs(0, 1000, 1)).toBe(1000);
    expect(backoffMs(3, 1000, 1)).toBe(8000);
    expect(backoffMs(4, 1000, 1)).toBe(10_000);
    expect(backoffMs(9, 1000, 0)).toBe(5000);
  });
});

describe("shaping helpers", () => {
  it("latest ACTIVE revision per ECS family", () => {
    expect(
      latestPerFamily([
        "arn:aws:ecs:us-east-1:1:task-definition/api:10",
        "arn:aws:ecs:us-east-1:1:task-definition/api:9",
        "arn:aws:ecs:us-east-1:1:task-definition/worker:1",
        "arn:aws:ecs:us-east-1:1:task-definition/api:11",
      ]).sort(),
    ).toEqual(["arn:aws:ecs:us-east-1:1:task-definition/api:11", "arn:aws:ecs:us-east-1:1:task-definition/worker:1"]);
  });

  it("authorization details → roles and URL-decoded policy documents", () => {
    const doc = encodeURIComponent('{"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}');
    const out = shapeAuthorizationDetails([
      {
        RoleDetailList: [
          { RoleName: "r", Arn: "arn:aws:iam::1:role/r", Path: "/", CreateDate: new Date("2026-01-01T00:00:00Z"), RoleLastUsed: {}, RolePolicyList: [{ PolicyName: "p", PolicyDocument: doc }] },
        ],
        Policies: [{ Arn: "arn:aws:iam::1:policy/m", PolicyVersionList: [{ Document: doc, IsDefaultVersion: false }, { Document: encodeURIComponent("{}"), IsDefaultVersion: true }] }],
      },
    ]);
    expect(out.roles).toEqual([{ roleName: "r", arn: "arn:aws:iam::1:role/r", path: "/", createDate: "2026-01-01T00:00:00.000Z" }]);
    expect(out.policies).toEqual([
      { id: "arn:aws:iam::1:role/r#p", kind: "inline", principalArn: "arn:aws:iam::1:role/r", document: '{"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}' },
      { id: "arn:aws:iam::1:policy/m", kind: "managed", document: "{}" },
    ]);
  });

  it("public access block and grants", () => {
    expect(allFourFlags(shapePublicAccessBlock({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }))).toBe(true);
    expect(allFourFlags(shapePublicAccessBlock({ BlockPublicAcls: true }))).toBe(false);
    expect(allFourFlags(null)).toBe(false);
    expect(shapeGrants([{ Grantee: { Type: "Group", URI: "http://acs.amazonaws.com/groups/global/AllUsers" }, Permission: "READ" }])).toEqual([
      { granteeType: "Group", granteeUri: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ" },
    ]);
  });

  it("trail selectors", () => {
    expect(shapeSelectors({ EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }], AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["Management"] }] }] })).toEqual({
      eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
      advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }],
    });
  });

  it("secret scan keeps hits, counts references and never the value", async () => {
    const b = new SecretScanBuilder("salt");
    b.total = 1;
    await b.scanPairs({ arn: "arn:f" }, [
      { location: "arn:f Environment.Variables.DB_PASSWORD", name: "DB_PASSWORD", value: "Xk9#mQ2$vL7pR4tZ8wN3" },
      { location: "arn:f Environment.Variables.REF", name: "REF", value: "arn:aws:secretsmanager:us-east-1:1:secret:x" },
      { location: "arn:f Environment.Variables.STAGE", name: "STAGE", value: "prod" },
    ]);
    const out = b.build();
    expect(out.references).toBe(1);
    expect(out.flagged).toHaveLength(1);
    expect(out.flagged[0]?.hits[0]).toMatchObject({ name: "DB_PASSWORD", kind: "named-secret" });
    expect(JSON.stringify(out)).not.toContain("Xk9#mQ2");
    expect(out.scanned).toBe(1);
  });

  it("secret scan counts an unreadable resource once: in flagged with its error, not in scanned", async () => {
    const b = new SecretScanBuilder("salt");
    b.total = 2;
    b.addError({ arn: "arn:unreadable" }, { code: "KMSAccessDeniedException", message: "environment unreadable" });
    await b.scanPairs({ arn: "arn:clean" }, [{ location: "arn:clean Environment.Variables.STAGE", name: "STAGE", value: "prod" }]);
    expect(b.build()).toMatchObject({ total: 2, scanned: 1, flagged: [{ arn: "arn:unreadable", hits: [] }] });
  });
});

describe("perRegion", () => {
  it("maps values, NotApplicableSignal, Region-disabled errors and other errors per Region", async () => {
    const { perRegion, NotApplicableSignal } = await import("./context");
    const err = (name: string) => Object.assign(new Error(name), { name });
    const out = await perRegion(["a", "b", "c", "d"], "svc:Op", async (r) => {
      if (r === "a") return 1;
      if (r === "b") return new NotApplicableSignal("off");
      if (r === "c") throw err("UnrecognizedClientException");
      throw err("AccessDeniedException");
    });
    expect(out).toEqual({
      a: { ok: true, value: 1 },
      b: { notApplicable: "off" },
      c: { notApplicable: expect.stringContaining("UnrecognizedClientException") },
      d: { ok: false, error: { code: "AccessDeniedException", message: "AccessDeniedException", action: "svc:Op" } },
    });
  });
  it("lets an abort through", async () => {
    const { perRegion } = await import("./context");
    await expect(perRegion(["a"], "svc:Op", async () => Promise.reject(Object.assign(new Error("x"), { name: "AbortError" })))).rejects.toThrow();
  });
  it("an abortable sleep rejects when the signal fires", async () => {
    const { abortableClock } = await import("./credential-report");
    const ac = new AbortController();
    const p = abortableClock(ac.signal).sleep(10_000);
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: "AbortError" });
  });
});
