// IAM (GLOBAL): credential report, account summary, authorization details, virtual MFA devices,
// federation providers (checks.md §3, §8, §10, §12).
import {
  GenerateCredentialReportCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type GetAccountAuthorizationDetailsResponse,
} from "@aws-sdk/client-iam";
import { parseCredentialReport } from "@/lib/scoring/credential-report";
import type {
  AccountSummary,
  AuthorizationDetails,
  Collected,
  CredentialReport,
  IamEvidence,
  IamPolicyDoc,
  IamRole,
  Item2Evidence,
  VirtualMfaDevice,
} from "@/lib/scoring/evidence";
import { attempt, call } from "../errors";
import { compact, iso, type CollectorContext } from "./context";
import { abortableClock, fetchCredentialReport, type Clock } from "./credential-report";

export async function collectCredentialReport(ctx: CollectorContext, clock: Clock = abortableClock(ctx.clients.signal)): Promise<Collected<CredentialReport>> {
  const iam = ctx.clients.get("iam");
  return attempt("iam:GetCredentialReport", async () => {
    const { csv, generatedTime } = await fetchCredentialReport(
      {
        generate: async () =>
          (await call("iam:GenerateCredentialReport", () => iam.send(new GenerateCredentialReportCommand({})))).State ?? "STARTED",
        get: async () => {
          const out = await call("iam:GetCredentialReport", () => iam.send(new GetCredentialReportCommand({})));
          return { content: out.Content, generatedTime: out.GeneratedTime };
        },
      },
      { budgetMs: ctx.settings.credentialReportBudgetMs, baseDelayMs: ctx.settings.credentialReportBaseDelayMs },
      clock,
    );
    return { generatedTime: iso(generatedTime) ?? ctx.now.toISOString(), rows: parseCredentialReport(csv) };
  });
}

export async function collectAccountSummary(ctx: CollectorContext): Promise<Collected<AccountSummary>> {
  return attempt("iam:GetAccountSummary", async () => {
    const out = await ctx.clients.get("iam").send(new GetAccountSummaryCommand({}));
    const m = out.SummaryMap ?? {};
    const summary: AccountSummary = { AccountMFAEnabled: m.AccountMFAEnabled ?? 0, AccountAccessKeysPresent: m.AccountAccessKeysPresent ?? 0 };
    if (m.AccountPasswordPresent !== undefined) summary.AccountPasswordPresent = m.AccountPasswordPresent;
    return summary;
  });
}

const decodeDoc = (doc: string | undefined): string => {
  if (doc === undefined) return "";
  try {
    return decodeURIComponent(doc);
  } catch {
    return doc;
  }
};

/** Shape one GetAccountAuthorizationDetails page set into roles + policy documents (pure). */
export function shapeAuthorizationDetails(pages: Omit<GetAccountAuthorizationDetailsResponse, "$metadata">[]): AuthorizationDetails {
  const roles: IamRole[] = [];
  const policies: IamPolicyDoc[] = [];
  const inline = (principalArn: string | undefined, list: { PolicyName?: string; PolicyDocument?: string }[] | undefined) => {
    for (const p of list ?? [])
      policies.push(compact({ id: `${principalArn ?? "?"}#${p.PolicyName ?? "?"}`, kind: "inline" as const, principalArn, document: decodeDoc(p.PolicyDocument) }));
  };
  for (const page of pages) {
    for (const r of page.RoleDetailList ?? []) {
      roles.push(
        compact({
          roleName: r.RoleName ?? "",
          arn: r.Arn ?? "",
          path: r.Path ?? "/",
          createDate: iso(r.CreateDate) ?? "",
          lastUsedDate: iso(r.RoleLastUsed?.LastUsedDate),
          lastUsedRegion: r.RoleLastUsed?.Region,
        }),
      );
      inline(r.Arn, r.RolePolicyList);
    }
    for (const u of page.UserDetailList ?? []) inline(u.Arn, u.UserPolicyList);
    for (const g of page.GroupDetailList ?? []) inline(g.Arn, g.GroupPolicyList);
    for (const p of page.Policies ?? []) {
      const v = p.PolicyVersionList?.find((x) => x.IsDefaultVersion) ?? p.PolicyVersionList?.[0];
      policies.push({ id: p.Arn ?? p.PolicyName ?? "?", kind: "managed", document: decodeDoc(v?.Document) });
    }
  }
  return { roles, policies };
}

export async function collectAuthorizationDetails(ctx: CollectorContext): Promise<Collected<AuthorizationDetails>> {
  return attempt("iam:GetAccountAuthorizationDetails", async () => {
    const pages = [];
    for await (const page of paginateGetAccountAuthorizationDetails(
      { client: ctx.clients.get("iam"), pageSize: 1000 },
      { Filter: ["LocalManagedPolicy", "User", "Role", "Group"] },
    ))
      pages.push(page);
    return shapeAuthorizationDetails(pages);
  });
}

export async function collectVirtualMfa(ctx: CollectorContext): Promise<Collected<VirtualMfaDevice[]>> {
  return attempt("iam:ListVirtualMFADevices", async () => {
    const out: VirtualMfaDevice[] = [];
    for await (const page of paginateListVirtualMFADevices({ client: ctx.clients.get("iam"), pageSize: 1000 }, { AssignmentStatus: "Assigned" }))
      for (const d of page.VirtualMFADevices ?? []) out.push(compact({ serialNumber: d.SerialNumber ?? "", userArn: d.User?.Arn }));
    return out;
  });
}

export async function collectFederation(ctx: CollectorContext): Promise<Collected<{ saml: number; oidc: number }>> {
  const iam = ctx.clients.get("iam");
  return attempt("iam:ListSAMLProviders", async () => {
    const [saml, oidc] = await Promise.all([
      call("iam:ListSAMLProviders", () => iam.send(new ListSAMLProvidersCommand({}))),
      call("iam:ListOpenIDConnectProviders", () => iam.send(new ListOpenIDConnectProvidersCommand({}))),
    ]);
    return { saml: saml.SAMLProviderList?.length ?? 0, oidc: oidc.OpenIDConnectProviderList?.length ?? 0 };
  });
}

export async function collectIam(ctx: CollectorContext, clock?: Clock): Promise<{ iam: IamEvidence; item2: Item2Evidence }> {
  const [credentialReport, accountSummary, authorizationDetails, virtualMfaDevices, federationProviders] = await Promise.all([
    collectCredentialReport(ctx, clock),
    collectAccountSummary(ctx),
    collectAuthorizationDetails(ctx),
    collectVirtualMfa(ctx),
    collectFederation(ctx),
  ]);
  return { iam: { credentialReport, accountSummary, authorizationDetails }, item2: { virtualMfaDevices, federationProviders } };
}
