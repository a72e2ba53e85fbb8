import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ResourceRef } from "@/lib/scoring/types";
import { CHECKS } from "@/lib/scoring/catalogue";
import { DEFAULT_CONSOLE_REGION, LINKED_KINDS, checkConsoleLink, consoleLinkFor, parseArn, ssoShortcut } from "./console-links";

const ACCOUNT = "111122223333";
const REGION = "eu-west-1";
const ctx = { accountId: ACCOUNT, region: REGION };

/** Resource kinds the scoring items emit, read from their source so a new kind cannot go unlinked. */
const emittedKinds = (): Set<string> => {
  const dir = fileURLToPath(new URL("../scoring/items/", import.meta.url));
  const kinds = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const src = readFileSync(dir + file, "utf8");
    // `kind: "x"` and `kind: a === "b" ? "x" : "y"`
    for (const m of src.matchAll(/kind:\s*(?:[\w.]+\s*===\s*"[^"]*"\s*\?\s*)?"([a-z0-9-]+)"(?:\s*:\s*"([a-z0-9-]+)")?/g)) {
      if (m[1]) kinds.add(m[1]);
      if (m[2]) kinds.add(m[2]);
    }
    // kinds passed as arguments: scanCheck(id, regional, action, "kind", noun) and slaVerdict(items, truncated, "kind", ctx)
    for (const m of src.matchAll(/scanCheck\(\s*"[^"]+",[^,]+,\s*"[^"]+",\s*"([a-z0-9-]+)"/g)) if (m[1]) kinds.add(m[1]);
    for (const m of src.matchAll(/"([a-z0-9-]+)",\s*ctx,?\s*\)/g)) if (m[1]) kinds.add(m[1]);
  }
  return kinds;
};

/** A realistic resource for each kind, shaped like the scoring items build them. */
const SAMPLES: Record<string, ResourceRef> = {
  "alternate-contact": { kind: "alternate-contact", id: "SECURITY" },
  "root-user": { kind: "root-user", id: "<root_account>" },
  "iam-user": { kind: "iam-user", id: `arn:aws:iam::${ACCOUNT}:user/team/alice`, detail: "alice: console password, no MFA" },
  "access-key": { kind: "access-key", id: `arn:aws:iam::${ACCOUNT}:user/alice#key2`, detail: "alice key 2: 143 days old" },
  "iam-role": { kind: "iam-role", id: `arn:aws:iam::${ACCOUNT}:role/service/old-deployer` },
  "iam-policy": { kind: "iam-policy", id: `arn:aws:iam::${ACCOUNT}:policy/kms-admin` },
  "iam-inline-policy": { kind: "iam-inline-policy", id: `arn:aws:iam::${ACCOUNT}:role/app#kms-inline` },
  account: { kind: "account", id: ACCOUNT, detail: "tag data-classification" },
  "s3-bucket": { kind: "s3-bucket", id: "example-logs", region: REGION },
  "security-group": { kind: "security-group", id: "sg-0123456789abcdef0", region: REGION, detail: "web (vpc-1): tcp 22 from 0.0.0.0/0" },
  "kms-key": { kind: "kms-key", id: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, region: REGION },
  trail: { kind: "trail", id: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`, region: REGION },
  "lambda-function": { kind: "lambda-function", id: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:billing-export`, region: REGION },
  "ecs-task-definition": { kind: "ecs-task-definition", id: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:42`, region: REGION },
  "ec2-user-data": { kind: "ec2-user-data", id: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0abc123def4567890`, region: REGION },
  "codebuild-project": { kind: "codebuild-project", id: `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/api-build`, region: REGION },
  secret: { kind: "secret", id: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-password-AbC123`, region: REGION },
  region: { kind: "region", id: REGION },
  "access-analyzer-finding": { kind: "access-analyzer-finding", id: "arn:aws:s3:::example-share", region: REGION },
  "securityhub-finding": { kind: "securityhub-finding", id: `arn:aws:securityhub:${REGION}:${ACCOUNT}:subscription/x/finding/1`, region: REGION },
  "guardduty-finding": { kind: "guardduty-finding", id: "60baffd3f9042e38640f2300d5c5a631", region: REGION },
  "inspector-finding": { kind: "inspector-finding", id: `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/abc`, region: REGION },
  "lambda-region": { kind: "lambda-region", id: REGION },
  "ecr-registry": { kind: "ecr-registry", id: REGION },
  "eventbridge-rule": { kind: "eventbridge-rule", id: "securityhub-to-slack", region: REGION },
};

/** Kinds whose console pages are global (IAM, account, S3 account settings, Organizations). */
const GLOBAL_KINDS = new Set(["alternate-contact", "root-user", "iam-user", "access-key", "iam-role", "iam-policy", "iam-inline-policy", "account"]);

describe("consoleLinkFor", () => {
  const kinds = emittedKinds();

  it("finds the kinds the scoring items emit", () => {
    for (const k of ["iam-user", "security-group", "lambda-function", "guardduty-finding", "iam-inline-policy", "trail"]) expect(kinds).toContain(k);
  });

  it.each([...emittedKinds()].map((k) => [k]))("links every emitted kind: %s", (kind) => {
    expect(LINKED_KINDS).toContain(kind);
    expect(SAMPLES[kind], `add a sample for ${kind}`).toBeDefined();
  });

  it.each(Object.entries(SAMPLES))("%s → an https console link with its Region where regional", (kind, resource) => {
    const link = consoleLinkFor(resource, ctx);
    expect(link).not.toBeNull();
    const url = new URL(link?.url ?? "");
    expect(url.protocol).toBe("https:");
    expect(url.hostname.endsWith("console.aws.amazon.com")).toBe(true);
    expect(link?.label.trim()).not.toBe("");
    if (!GLOBAL_KINDS.has(kind)) expect(link?.url).toContain(REGION);
  });

  it("puts the security group in the regional EC2 console", () => {
    expect(consoleLinkFor(SAMPLES["security-group"] as ResourceRef, ctx)?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/ec2/home?region=${REGION}#SecurityGroup:groupId=sg-0123456789abcdef0`,
    );
  });

  it("opens the security credentials tab of the key's user", () => {
    const url = consoleLinkFor(SAMPLES["access-key"] as ResourceRef, ctx)?.url;
    expect(url).toBe("https://console.aws.amazon.com/iam/home#/users/details/alice?section=security_credentials");
  });

  it("names IAM users and roles without their path", () => {
    expect(consoleLinkFor(SAMPLES["iam-user"] as ResourceRef, ctx)?.url).toContain("#/users/details/alice?");
    expect(consoleLinkFor(SAMPLES["iam-role"] as ResourceRef, ctx)?.url).toMatch(/#\/roles\/details\/old-deployer$/);
  });

  it("opens inline policies on their principal's permissions tab", () => {
    expect(consoleLinkFor(SAMPLES["iam-inline-policy"] as ResourceRef, ctx)?.url).toBe("https://console.aws.amazon.com/iam/home#/roles/details/app?section=permissions");
  });

  it("encodes the policy ARN", () => {
    expect(consoleLinkFor(SAMPLES["iam-policy"] as ResourceRef, ctx)?.url).toBe(
      `https://console.aws.amazon.com/iam/home#/policies/details/${encodeURIComponent(`arn:aws:iam::${ACCOUNT}:policy/kms-admin`)}`,
    );
  });

  it("uses the account id for Organizations pages", () => {
    expect(consoleLinkFor({ kind: "account", id: ACCOUNT, detail: "tag data-classification" }, ctx)?.url).toContain(`/organizations/v2/home/accounts/${ACCOUNT}`);
  });

  it("tells the account kinds apart by check or detail", () => {
    expect(consoleLinkFor({ kind: "account", id: ACCOUNT, detail: "S3 Block Public Access" }, ctx)?.url).toBe("https://console.aws.amazon.com/s3/settings");
    expect(consoleLinkFor({ kind: "account", id: ACCOUNT }, { ...ctx, checkId: "i6.trail_tamper_protected" })?.url).toContain("service-control-policy");
  });

  it("strips the random suffix from secret names", () => {
    expect(consoleLinkFor(SAMPLES.secret as ResourceRef, ctx)?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/secretsmanager/secret?name=${encodeURIComponent("prod/db-password")}&region=${REGION}`,
    );
  });

  it("opens the task definition revision and the Lambda configuration", () => {
    expect(consoleLinkFor(SAMPLES["ecs-task-definition"] as ResourceRef, ctx)?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/ecs/v2/task-definitions/web/42/containers?region=${REGION}`,
    );
    expect(consoleLinkFor(SAMPLES["lambda-function"] as ResourceRef, ctx)?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/lambda/home?region=${REGION}#/functions/billing-export?tab=configure`,
    );
  });

  it("tells instances from launch templates", () => {
    expect(consoleLinkFor(SAMPLES["ec2-user-data"] as ResourceRef, ctx)?.url).toContain("#InstanceDetails:instanceId=i-0abc123def4567890");
    const lt = { kind: "ec2-user-data", id: `arn:aws:ec2:${REGION}:${ACCOUNT}:launch-template/lt-0abc123def4567890`, region: REGION };
    expect(consoleLinkFor(lt, ctx)?.url).toContain("#LaunchTemplateDetails:launchTemplateId=lt-0abc123def4567890");
  });

  it("opens the GuardDuty finding by id and the KMS key by key id", () => {
    expect(consoleLinkFor(SAMPLES["guardduty-finding"] as ResourceRef, ctx)?.url).toContain("#/findings?macros=current&fId=60baffd3f9042e38640f2300d5c5a631");
    expect(consoleLinkFor(SAMPLES["kms-key"] as ResourceRef, ctx)?.url).toMatch(/#\/kms\/keys\/1234abcd-12ab-34cd-56ef-1234567890ab$/);
  });

  it("takes the Region from the ARN, then the context, and gives up without one", () => {
    const fn = { kind: "lambda-function", id: `arn:aws:lambda:ap-south-1:${ACCOUNT}:function:f` };
    expect(consoleLinkFor(fn, ctx)?.url).toContain("ap-south-1");
    expect(consoleLinkFor({ kind: "security-group", id: "sg-1" }, ctx)?.url).toContain(REGION);
    expect(consoleLinkFor({ kind: "security-group", id: "sg-1" }, { accountId: ACCOUNT })).toBeNull();
  });

  it("returns null for an unknown kind", () => {
    expect(consoleLinkFor({ kind: "starship", id: "x" }, ctx)).toBeNull();
  });

  it("escapes ids so they cannot break out of the URL", () => {
    const url = consoleLinkFor({ kind: "eventbridge-rule", id: "a/b?c#d", region: REGION }, ctx)?.url ?? "";
    expect(url.endsWith(`/rules/${encodeURIComponent("a/b?c#d")}`)).toBe(true);
  });
});

describe("checkConsoleLink", () => {
  const fixedOutsideConsole = new Set(["i10.dev_cycle_attested"]);

  it.each(CHECKS.map((c) => [c.id]))("%s → the page where it is fixed", (id) => {
    const link = checkConsoleLink(id, ctx);
    if (fixedOutsideConsole.has(id)) {
      expect(link).toBeNull();
      return;
    }
    expect(link).not.toBeNull();
    const url = new URL(link?.url ?? "");
    expect(url.protocol).toBe("https:");
    expect(url.hostname.endsWith("console.aws.amazon.com")).toBe(true);
    if (url.hostname !== "console.aws.amazon.com") expect(link?.url).toContain(`region=${REGION}`);
  });

  it("defaults to us-east-1, names the account on Organizations pages, and ignores unknown ids", () => {
    expect(checkConsoleLink("i8.guardduty_enabled", { accountId: ACCOUNT })?.url).toBe("https://us-east-1.console.aws.amazon.com/guardduty/home?region=us-east-1");
    expect(checkConsoleLink("i5.classification_tagged", ctx)?.url).toContain(ACCOUNT);
    expect(checkConsoleLink("i99.nope", ctx)).toBeNull();
  });
});

describe("parseArn", () => {
  it("keeps colons inside the resource part", () => {
    expect(parseArn(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:f:prod`)).toEqual({ partition: "aws", service: "lambda", region: REGION, account: ACCOUNT, resource: "function:f:prod" });
    expect(parseArn("sg-123")).toBeUndefined();
  });
});

describe("ssoShortcut", () => {
  const destination = `https://${REGION}.console.aws.amazon.com/ec2/home?region=${REGION}#SecurityGroup:groupId=sg-1`;

  it("builds the IAM Identity Center shortcut with the destination URL-encoded", () => {
    const link = ssoShortcut("https://d-1234567890.awsapps.com/start", ACCOUNT, "SecurityAudit", destination);
    expect(link).toBe(`https://d-1234567890.awsapps.com/start/#/console?account_id=${ACCOUNT}&role_name=SecurityAudit&destination=${encodeURIComponent(destination)}`);
    expect(link).not.toContain("#SecurityGroup");
    const query = new URLSearchParams(new URL(link).hash.split("?")[1]);
    expect(query.get("destination")).toBe(destination);
    expect(query.get("account_id")).toBe(ACCOUNT);
    expect(query.get("role_name")).toBe("SecurityAudit");
  });

  it("accepts a start URL with a trailing slash or fragment", () => {
    const a = ssoShortcut("https://acme.awsapps.com/start/", ACCOUNT, "Admin", destination);
    const b = ssoShortcut("https://acme.awsapps.com/start/#/", ACCOUNT, "Admin", destination);
    expect(a).toBe(b);
    expect(a.startsWith("https://acme.awsapps.com/start/#/console?")).toBe(true);
  });

  it("encodes role names with special characters", () => {
    expect(ssoShortcut("https://acme.awsapps.com/start", ACCOUNT, "Ops+Read/Only", destination)).toContain("role_name=Ops%2BRead%2FOnly");
  });
});

describe("a Region that is not a Region code never builds a link's host", () => {
  const HOSTILE = ["evil.example/#", "evil.example", "us-east-1.evil.example", "us-east-1@evil.example", "US-EAST-1", "us-east-1 "];

  it.each(HOSTILE)("resource Region %j: no regional link", (region) => {
    expect(consoleLinkFor({ kind: "security-group", id: "sg-0123456789abcdef0", region }, ctx)).toBeNull();
    expect(consoleLinkFor({ kind: "region", id: region }, { accountId: ACCOUNT })).toBeNull();
  });

  it.each(HOSTILE)("Region %j in an ARN or the context: ignored", (region) => {
    expect(consoleLinkFor({ kind: "trail", id: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/t` }, { accountId: ACCOUNT })).toBeNull();
    expect(consoleLinkFor({ kind: "kms-key", id: "1234abcd" }, { accountId: ACCOUNT, region })).toBeNull();
  });

  it.each(HOSTILE)("check page with Region %j: the default Region's console, never another host", (region) => {
    const link = checkConsoleLink("i4.sg_admin_ports_open", { accountId: ACCOUNT, region });
    expect(new URL(link?.url ?? "").hostname).toBe(`${DEFAULT_CONSOLE_REGION}.console.aws.amazon.com`);
  });

  it("keeps a well-formed Region, GovCloud included", () => {
    expect(new URL(consoleLinkFor({ kind: "region", id: "us-gov-west-1" }, { accountId: ACCOUNT })?.url ?? "").hostname).toBe("us-gov-west-1.console.aws.amazon.com");
  });

  it("drops a malformed Region from the S3 link rather than the link", () => {
    expect(consoleLinkFor({ kind: "s3-bucket", id: "b", region: "x&tab=evil" }, ctx)?.url).toBe("https://s3.console.aws.amazon.com/s3/buckets/b?tab=permissions");
  });
});
