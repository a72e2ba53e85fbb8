import { AccountClient, GetAlternateContactCommand } from "@aws-sdk/client-account";
import { DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetAccountSummaryCommand, IAMClient } from "@aws-sdk/client-iam";
import { ListAccountsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetFindingsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { errorOf, sandboxForSuite } from "./contract/setup";
import { A, B } from "./testing/fixture";

const h = sandboxForSuite();

describe("fault injection", () => {
  it("an injected error surfaces as each service's own exception name", async () => {
    h.sb.setFaults([{ account: A, errorRate: 1 }]);
    try {
      const o = { maxAttempts: 1 };
      const cases: [Promise<unknown>, string, number][] = [
        [(await h.client(EC2Client, A, o)).send(new DescribeSecurityGroupsCommand({})), "RequestLimitExceeded", 503],
        [(await h.client(IAMClient, A, o)).send(new GetAccountSummaryCommand({})), "Throttling", 400],
        [(await h.client(SecurityHubClient, A, o)).send(new GetFindingsCommand({})), "LimitExceededException", 429],
        [(await h.client(AccountClient, A, o)).send(new GetAlternateContactCommand({ AlternateContactType: "SECURITY" })), "TooManyRequestsException", 429],
        [(await h.client(SecretsManagerClient, A, o)).send(new ListSecretsCommand({})), "ThrottlingException", 400],
        [(await h.client(S3Client, A, o)).send(new ListBucketsCommand({})), "SlowDown", 503],
      ];
      for (const [p, name, status] of cases) {
        const err = await errorOf(p);
        expect([err.name, err.$metadata?.httpStatusCode]).toEqual([name, status]);
      }
    } finally {
      h.sb.setFaults([]);
    }
  });

  it("AccessDenied and 500s can be injected per operation", async () => {
    h.sb.setFaults([
      { service: "iam", operation: "GetAccountSummary", errorRate: 1, errorCode: "AccessDenied" },
      { service: "organizations", errorRate: 1, errorCode: "ServiceException", httpStatus: 500 },
      { service: "ec2", operation: /^Describe/, account: B, errorRate: 1, errorCode: "UnauthorizedOperation" },
    ]);
    try {
      const iam = await h.client(IAMClient, A, { maxAttempts: 1 });
      const denied = await errorOf(iam.send(new GetAccountSummaryCommand({})));
      expect([denied.name, denied.$metadata?.httpStatusCode]).toEqual(["AccessDenied", 403]);
      const org = await h.client(OrganizationsClient, undefined, { maxAttempts: 1 });
      const e500 = await errorOf(org.send(new ListAccountsCommand({})));
      expect([e500.name, e500.$metadata?.httpStatusCode, e500.$fault]).toEqual(["ServiceException", 500, "server"]);
      const ec2 = await h.client(EC2Client, B, { maxAttempts: 1 });
      expect((await errorOf(ec2.send(new DescribeSecurityGroupsCommand({})))).name).toBe("UnauthorizedOperation");
      // Other accounts are unaffected by an account-scoped rule.
      await (await h.client(EC2Client, A)).send(new DescribeSecurityGroupsCommand({}));
    } finally {
      h.sb.setFaults([]);
    }
  });

  it("30 % throttling is absorbed by the SDK's retries and shows in the request log", async () => {
    const ec2 = await h.client(EC2Client, A, { maxAttempts: 10 });
    h.sb.requests.clear();
    h.sb.setFaults([{ service: "ec2", errorRate: 0.3 }]);
    try {
      const results = await Promise.all(Array.from({ length: 40 }, () => ec2.send(new DescribeSecurityGroupsCommand({}))));
      expect(results.every((r) => (r.SecurityGroups?.length ?? 0) === 7)).toBe(true);
    } finally {
      h.sb.setFaults([]);
    }
    const log = h.sb.requests.list({ service: "ec2", operation: "DescribeSecurityGroups" });
    const throttled = log.filter((r) => r.errorCode === "RequestLimitExceeded");
    expect(throttled.length).toBeGreaterThan(0);
    expect(log.filter((r) => r.status === 200)).toHaveLength(40);
    expect(h.sb.requests.totals()["ec2:DescribeSecurityGroups"]).toEqual({ count: log.length, errors: throttled.length, throttled: throttled.length });
    expect(Math.max(...throttled.map((r) => r.status))).toBe(503);
  });

  it("fixed and random latency delay the answer", async () => {
    const iam = await h.client(IAMClient, A);
    h.sb.setFaults([{ service: "iam", latencyMs: 60, latencyJitterMs: 20 }]);
    try {
      const t0 = performance.now();
      await iam.send(new GetAccountSummaryCommand({}));
      expect(performance.now() - t0).toBeGreaterThanOrEqual(58); // timers may fire a millisecond early
      const [rec] = h.sb.requests.list({ service: "iam", operation: "GetAccountSummary" }).slice(-1);
      expect(rec!.latencyMs).toBeGreaterThanOrEqual(60);
    } finally {
      h.sb.setFaults([]);
    }
  });

  it("token-bucket rate limits per account and service answer the service's throttling error", async () => {
    // A bucket that practically never refills: exactly the burst gets through.
    h.sb.setFaults([], [{ service: "securityhub", operation: "GetFindings", perSecond: 0.001, burst: 6 }]);
    try {
      const shA = await h.client(SecurityHubClient, A, { maxAttempts: 1 });
      const settled = await Promise.allSettled(Array.from({ length: 10 }, () => shA.send(new GetFindingsCommand({}))));
      expect(settled.filter((x) => x.status === "fulfilled")).toHaveLength(6);
      const rejected = settled.find((x): x is PromiseRejectedResult => x.status === "rejected");
      expect((rejected?.reason as Error).name).toBe("LimitExceededException");
      // Buckets are per account: B still has its whole burst.
      await (await h.client(SecurityHubClient, B, { maxAttempts: 1 })).send(new (await import("@aws-sdk/client-securityhub")).ListAutomationRulesCommand({})).catch((e: Error) => expect(e.name).toBe("InvalidAccessException"));
      // With AWS's 3/s burst 6 and the SDK's retries, a burst of 10 eventually succeeds.
      h.sb.setFaults([], [{ service: "securityhub", operation: "GetFindings", perSecond: 3, burst: 6 }]);
      h.sb.requests.clear();
      const shRetry = await h.client(SecurityHubClient, A, { maxAttempts: 10 });
      const all = await Promise.all(Array.from({ length: 10 }, () => shRetry.send(new GetFindingsCommand({}))));
      expect(all).toHaveLength(10);
      expect(h.sb.requests.count({ service: "securityhub", errorCode: "LimitExceededException" })).toBeGreaterThan(0);
    } finally {
      h.sb.setFaults([], []);
    }
  });
});
