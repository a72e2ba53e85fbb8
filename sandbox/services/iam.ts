import type * as T from "@aws-sdk/client-iam";
import { op, sdkModule, type Ctx, type ServiceDef } from "../core";
import { buildCredentialReport } from "../credential-report";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import { isOrgMember } from "./util";

const FOUR_HOURS = 4 * 3600 * 1000;

/** IAM pages with Marker / MaxItems / IsTruncated. */
function iamPage<X>(items: readonly X[], input: { Marker?: string; MaxItems?: number }) {
  const p = paginate(items, { token: input.Marker, max: input.MaxItems, defaultMax: 100, limit: 1000, invalidTokenCode: "InvalidInput" });
  return { items: p.items, IsTruncated: p.next !== undefined, Marker: p.next };
}

function userArn(ctx: Ctx, u: { path: string; name: string }): string {
  return `arn:aws:iam::${ctx.account.id}:user${u.path}${u.name}`;
}

function userId(ctx: Ctx, name: string): string {
  return `AIDA${ctx.account.id}${name.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 8)}`;
}

/** Virtual MFA devices follow from root / user MFA settings, so the scenario states MFA once. */
function virtualDevices(ctx: Ctx): T.VirtualMFADevice[] {
  const { account } = ctx;
  const out: T.VirtualMFADevice[] = [];
  if (account.iam.root.mfa === "virtual") {
    out.push({
      SerialNumber: `arn:aws:iam::${account.id}:mfa/root-account-mfa-device`,
      User: { Path: "/", UserName: account.name, UserId: account.id, Arn: `arn:aws:iam::${account.id}:root`, CreateDate: account.createdAt },
      EnableDate: account.createdAt,
    });
  }
  for (const u of account.iam.users) {
    if (u.mfa !== "virtual") continue;
    out.push({
      SerialNumber: `arn:aws:iam::${account.id}:mfa/${u.name}`,
      User: { Path: u.path, UserName: u.name, UserId: userId(ctx, u.name), Arn: userArn(ctx, u), CreateDate: u.createdAt },
      EnableDate: u.createdAt,
    });
  }
  return out;
}

export const iam: ServiceDef = {
  name: "iam",
  protocol: "query",
  sdk: sdkModule("@aws-sdk/client-iam"),
  version: "2010-05-08",
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  global: true,
  throttle: { code: "Throttling", status: 400 },
  handlers: {
    GenerateCredentialReport: op<unknown, T.GenerateCredentialReportResponse>((ctx) => {
      const now = performance.now();
      const job = ctx.state.reports.get(ctx.account.id);
      // IAM reuses a report younger than four hours (scenario time).
      if (job && ctx.scenario.clock.getTime() - job.generatedTime.getTime() < FOUR_HOURS) {
        if (now >= job.readyAt) return { State: "COMPLETE", Description: "Report generated" };
        return { State: "INPROGRESS", Description: "Report generation in progress" };
      }
      ctx.state.reports.set(ctx.account.id, { generatedTime: new Date(ctx.scenario.clock), readyAt: now + ctx.scenario.credentialReportDelayMs });
      return { State: "STARTED", Description: "No report exists. Starting a new report generation task" };
    }),
    GetCredentialReport: op<unknown, T.GetCredentialReportResponse>((ctx) => {
      const job = ctx.state.reports.get(ctx.account.id);
      if (!job) throw new SandboxError("ReportNotPresent", "Credential report does not exist. Use GenerateCredentialReport to generate a report.", 410);
      if (performance.now() < job.readyAt) throw new SandboxError("ReportInProgress", "Report is in progress", 404);
      if (ctx.scenario.clock.getTime() - job.generatedTime.getTime() >= FOUR_HOURS)
        throw new SandboxError("ReportExpired", "The credential report has expired. Use GenerateCredentialReport to generate a new report.", 410);
      return { Content: new TextEncoder().encode(buildCredentialReport(ctx.account)), ReportFormat: "text/csv", GeneratedTime: job.generatedTime };
    }),
    GetAccountSummary: op<unknown, T.GetAccountSummaryResponse>((ctx) => {
      const { iam: data } = ctx.account;
      const devices = virtualDevices(ctx).length;
      const mfaInUse = data.users.filter((u) => u.mfa !== "none").length + (data.root.mfa !== "none" ? 1 : 0);
      return {
        SummaryMap: {
          Users: data.users.length,
          UsersQuota: 5000,
          Groups: 0,
          GroupsQuota: 300,
          Roles: data.roles.length,
          RolesQuota: 1000,
          Policies: data.policies.length,
          PoliciesQuota: 1500,
          MFADevices: devices,
          MFADevicesInUse: mfaInUse,
          AccessKeysPerUserQuota: 2,
          Providers: data.samlProviders.length + data.oidcProviders.length,
          AccountMFAEnabled: data.root.mfa !== "none" ? 1 : 0,
          AccountAccessKeysPresent: data.root.accessKeys.length > 0 ? 1 : 0,
          AccountPasswordPresent: data.root.hasPassword ? 1 : 0,
          AccountSigningCertificatesPresent: 0,
        },
      };
    }),
    ListVirtualMFADevices: op<T.ListVirtualMFADevicesRequest, T.ListVirtualMFADevicesResponse>((ctx, input) => {
      const all = input.AssignmentStatus === "Unassigned" ? [] : virtualDevices(ctx);
      const p = iamPage(all, input);
      return { VirtualMFADevices: p.items, IsTruncated: p.IsTruncated, Marker: p.Marker };
    }),
    ListOrganizationsFeatures: op<unknown, T.ListOrganizationsFeaturesResponse>((ctx) => {
      const org = ctx.scenario.organization;
      if (!org || !isOrgMember(ctx)) throw new SandboxError("OrganizationNotFoundException", "The organization does not exist.", 400);
      const isAdmin =
        ctx.account.id === ctx.scenario.management.accountId ||
        org.delegatedAdministrators.some((d) => d.accountId === ctx.account.id && d.servicePrincipal === "iam.amazonaws.com");
      if (!isAdmin)
        throw new SandboxError("AccountNotManagementOrDelegatedAdministratorException", "The request was rejected because the account is not the management account or delegated administrator.", 400);
      if (org.featureSet !== "ALL") throw new SandboxError("OrganizationNotInAllFeaturesModeException", "The organization is not in all features mode.", 400);
      if (!org.serviceAccess.some((s) => s.servicePrincipal === "iam.amazonaws.com"))
        throw new SandboxError("ServiceAccessNotEnabledException", "Trusted access is not enabled for IAM.", 400);
      return { OrganizationId: org.id, EnabledFeatures: [...org.rootFeatures] as T.FeatureType[] };
    }),
    GetAccountAuthorizationDetails: op<T.GetAccountAuthorizationDetailsRequest, T.GetAccountAuthorizationDetailsResponse>((ctx, input) => {
      const want = new Set<string>(input.Filter?.length ? input.Filter : ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]);
      type Entry = ["User", T.UserDetail] | ["Role", T.RoleDetail] | ["Policy", T.ManagedPolicyDetail];
      const all: Entry[] = [];
      if (want.has("User"))
        for (const u of ctx.account.iam.users)
          all.push(["User", { Path: u.path, UserName: u.name, UserId: userId(ctx, u.name), Arn: userArn(ctx, u), CreateDate: u.createdAt }]);
      if (want.has("Role")) for (const r of ctx.account.iam.roles) all.push(["Role", r]);
      if (want.has("LocalManagedPolicy")) for (const p of ctx.account.iam.policies) all.push(["Policy", p]);
      const p = iamPage(all, input);
      const out: T.GetAccountAuthorizationDetailsResponse = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: p.IsTruncated, Marker: p.Marker };
      for (const e of p.items) {
        if (e[0] === "User") out.UserDetailList?.push(e[1]);
        else if (e[0] === "Role") out.RoleDetailList?.push(e[1]);
        else out.Policies?.push(e[1]);
      }
      return out;
    }),
    ListSAMLProviders: op<unknown, T.ListSAMLProvidersResponse>((ctx) => ({ SAMLProviderList: ctx.account.iam.samlProviders })),
    ListOpenIDConnectProviders: op<unknown, T.ListOpenIDConnectProvidersResponse>((ctx) => ({ OpenIDConnectProviderList: ctx.account.iam.oidcProviders })),
  },
};
