import type { AssumeRoleRequest, AssumeRoleResponse, GetCallerIdentityResponse } from "@aws-sdk/client-sts";
import { randomBytes } from "node:crypto";
import { op, sdkModule, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { isOptInRegion } from "../regions";
import { scannerOf } from "../scenario/builder";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function randomId(prefix: string, len: number): string {
  const b = randomBytes(len);
  let s = prefix;
  for (let i = 0; i < len; i++) s += ALNUM[(b[i] ?? 0) % ALNUM.length];
  return s;
}

const MAX_SESSIONS = 200_000;

export const sts: ServiceDef = {
  name: "sts",
  protocol: "query",
  sdk: sdkModule("@aws-sdk/client-sts"),
  version: "2011-06-15",
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  global: true,
  throttle: { code: "Throttling", status: 400 },
  handlers: {
    AssumeRole: op<AssumeRoleRequest, AssumeRoleResponse>((ctx, input) => {
      const { scenario, caller } = ctx;
      const arn = input.RoleArn ?? "";
      const denied = () =>
        new SandboxError("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
      // STS answers in every Region the caller's account has enabled; an opt-in Region it has not is refused.
      if (!ctx.account.enabledRegions.includes(ctx.region) && isOptInRegion(ctx.region))
        throw new SandboxError("RegionDisabledException", `STS is not activated in this region for account:${caller.accountId}. Your account administrator can activate STS in this region using the IAM Console.`, 403);
      const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
      if (!m) throw new SandboxError("ValidationError", `${arn} is invalid`, 400);
      const [, accountId = "", roleName = ""] = m;
      const target = scenario.accounts[accountId];
      // A role that does not exist is AccessDenied, as in AWS. The member role trusts the scanner
      // principal only (its trust policy pins aws:PrincipalArn), with the scenario's ExternalId.
      if (!target || target.state !== "ACTIVE" || !target.assumeRole.allowed) throw denied();
      if (roleName !== scenario.access.roleName || !target.iam.roles.some((r) => r.RoleName === roleName)) throw denied();
      if (caller.arn !== scannerOf(scenario).principalArn) throw denied();
      if ((input.ExternalId ?? undefined) !== (target.assumeRole.externalId ?? scenario.access.externalId)) throw denied();
      const duration = input.DurationSeconds ?? 3600;
      if (duration < 900 || duration > 43_200)
        throw new SandboxError("ValidationError", `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint`, 400);
      const session = input.RoleSessionName ?? "session";
      const accessKeyId = randomId("ASIA", 16);
      const roleId = `AROA${accountId}${roleName.length.toString().padStart(5, "0")}`;
      const expiration = new Date(scenario.clock.getTime() + duration * 1000);
      const assumedArn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session}`;
      const sessions = ctx.state.sessions;
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      sessions.set(accessKeyId, { accountId, arn: assumedArn, userId: `${roleId}:${session}`, expiration });
      return {
        Credentials: {
          AccessKeyId: accessKeyId,
          SecretAccessKey: randomBytes(30).toString("base64"),
          SessionToken: randomBytes(48).toString("base64"),
          Expiration: expiration,
        },
        AssumedRoleUser: { AssumedRoleId: `${roleId}:${session}`, Arn: assumedArn },
      };
    }),
    GetCallerIdentity: op<unknown, GetCallerIdentityResponse>((ctx) => ({
      UserId: ctx.caller.userId,
      Account: ctx.caller.accountId,
      Arn: ctx.caller.arn,
    })),
  },
};
