import type * as T from "@aws-sdk/client-organizations";
import { op, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import type { AccountData, OrganizationData } from "../scenario/types";
import { isAnyDelegatedAdmin, isOrgMember } from "./util";

/**
 * The organization, for a caller that may read it. Every read below answers "only from the management
 * account or a member account that is a delegated administrator" (API reference); registering a
 * delegated administrator for any service "grants read-only access to Organizations service data"
 * (RegisterDelegatedAdministrator). DescribeOrganization answers any member.
 */
function org(ctx: Ctx, managementOnly = true): OrganizationData {
  const o = ctx.scenario.organization;
  if (!o || !isOrgMember(ctx)) throw new SandboxError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 404);
  if (managementOnly && ctx.account.id !== ctx.scenario.management.accountId && !isAnyDelegatedAdmin(ctx))
    throw new SandboxError("AccessDeniedException", "You don't have permissions to access this resource.", 403);
  return o;
}

function page<X>(items: readonly X[], input: { NextToken?: string; MaxResults?: number }, limit = 20) {
  if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > limit))
    throw new SandboxError("InvalidInputException", `MaxResults must be between 1 and ${limit}.`, 400);
  return paginate(items, { token: input.NextToken, max: input.MaxResults, defaultMax: limit, invalidTokenCode: "InvalidInputException" });
}

export function orgAccount(ctx: Ctx, o: OrganizationData, a: AccountData): T.Account {
  return {
    Id: a.id,
    Arn: orgArn(ctx, o, "account", a.id),
    Email: a.email,
    Name: a.name,
    Status: a.state === "ACTIVE" ? "ACTIVE" : a.state === "SUSPENDED" ? "SUSPENDED" : "PENDING_CLOSURE",
    State: a.state,
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: a.joinedAt,
  };
}

/** The ARN of a root, OU or account of the organisation (owned by the management account). */
function orgArn(ctx: Ctx, o: OrganizationData, kind: "root" | "ou" | "account", id: string): string {
  return `arn:aws:organizations::${ctx.scenario.management.accountId}:${kind}/${o.id}/${id}`;
}

function policyById(o: OrganizationData, id: string | undefined): OrganizationData["policies"][number] {
  const policy = o.policies.find((y) => y.summary.Id === id);
  if (!policy) throw new SandboxError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 404);
  return policy;
}

function ouOf(ctx: Ctx, o: OrganizationData, id: string | undefined): T.OrganizationalUnit {
  const u = o.ous.find((x) => x.id === id);
  if (!u) throw new SandboxError("OrganizationalUnitNotFoundException", "We can't find an OU with the OrganizationalUnitId that you specified.", 404);
  return { Id: u.id, Arn: orgArn(ctx, o, "ou", u.id), Name: u.name };
}

/** A parent must be the root or an OU. */
function checkParent(o: OrganizationData, id: string | undefined): string {
  if (id !== o.rootId && !o.ous.some((u) => u.id === id))
    throw new SandboxError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 404);
  return id ?? "";
}

function policySummary(ctx: Ctx, o: OrganizationData, p: OrganizationData["policies"][number]): T.PolicySummary {
  return {
    Arn: `arn:aws:organizations::${ctx.scenario.management.accountId}:policy/${o.id}/${p.summary.Type.toLowerCase()}/${p.summary.Id}`,
    ...p.summary,
  };
}

/** A policy target (root, OU or account) as ListTargetsForPolicy describes it. */
function targetSummary(ctx: Ctx, o: OrganizationData, id: string): T.PolicyTargetSummary {
  if (id === o.rootId) return { TargetId: id, Arn: orgArn(ctx, o, "root", id), Name: "Root", Type: "ROOT" };
  const ou = o.ous.find((u) => u.id === id);
  if (ou) return { TargetId: id, Arn: orgArn(ctx, o, "ou", id), Name: ou.name, Type: "ORGANIZATIONAL_UNIT" };
  const account = ctx.scenario.accounts[id];
  return { TargetId: id, Arn: orgArn(ctx, o, "account", id), Name: account?.name ?? id, Type: "ACCOUNT" };
}

export const organizations: ServiceDef = {
  name: "organizations",
  protocol: "json1.1",
  sdk: sdkModule("@aws-sdk/client-organizations"),
  targetPrefix: "AWSOrganizationsV20161128",
  global: true,
  throttle: { code: "TooManyRequestsException", status: 400 },
  handlers: {
    ListAccounts: op<T.ListAccountsRequest, T.ListAccountsResponse>((ctx, input) => {
      const o = org(ctx);
      const p = page(Object.values(ctx.scenario.accounts), input);
      return { Accounts: p.items.map((a) => orgAccount(ctx, o, a)), NextToken: p.next };
    }),
    DescribeOrganization: op<unknown, T.DescribeOrganizationResponse>((ctx) => {
      const o = org(ctx, false);
      const m = ctx.scenario.management.accountId;
      return {
        Organization: {
          Id: o.id,
          Arn: `arn:aws:organizations::${m}:organization/${o.id}`,
          FeatureSet: o.featureSet,
          MasterAccountArn: orgArn(ctx, o, "account", m),
          MasterAccountId: m,
          MasterAccountEmail: ctx.scenario.accounts[m]?.email,
          AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
        },
      };
    }),
    DescribeAccount: op<T.DescribeAccountRequest, T.DescribeAccountResponse>((ctx, input) => {
      const o = org(ctx);
      const a = ctx.scenario.accounts[input.AccountId ?? ""];
      if (!a) throw new SandboxError("AccountNotFoundException", "We can't find an AWS account with the AccountId that you specified.", 404);
      return { Account: orgAccount(ctx, o, a) };
    }),
    ListRoots: op<T.ListRootsRequest, T.ListRootsResponse>((ctx) => {
      const o = org(ctx);
      return { Roots: [{ Id: o.rootId, Arn: orgArn(ctx, o, "root", o.rootId), Name: "Root", PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] }] };
    }),
    DescribeOrganizationalUnit: op<T.DescribeOrganizationalUnitRequest, T.DescribeOrganizationalUnitResponse>((ctx, input) => ({
      OrganizationalUnit: ouOf(ctx, org(ctx), input.OrganizationalUnitId),
    })),
    ListOrganizationalUnitsForParent: op<T.ListOrganizationalUnitsForParentRequest, T.ListOrganizationalUnitsForParentResponse>((ctx, input) => {
      const o = org(ctx);
      const parent = checkParent(o, input.ParentId);
      const p = page(o.ous.filter((u) => u.parentId === parent).map((u) => ouOf(ctx, o, u.id)), input);
      return { OrganizationalUnits: p.items, NextToken: p.next };
    }),
    ListAccountsForParent: op<T.ListAccountsForParentRequest, T.ListAccountsForParentResponse>((ctx, input) => {
      const o = org(ctx);
      const parent = checkParent(o, input.ParentId);
      const p = page(Object.values(ctx.scenario.accounts).filter((a) => a.parentId === parent), input);
      return { Accounts: p.items.map((a) => orgAccount(ctx, o, a)), NextToken: p.next };
    }),
    ListChildren: op<T.ListChildrenRequest, T.ListChildrenResponse>((ctx, input) => {
      const o = org(ctx);
      const parent = checkParent(o, input.ParentId);
      const children: T.Child[] =
        input.ChildType === "ORGANIZATIONAL_UNIT"
          ? o.ous.filter((u) => u.parentId === parent).map((u) => ({ Id: u.id, Type: "ORGANIZATIONAL_UNIT" }))
          : Object.values(ctx.scenario.accounts).filter((a) => a.parentId === parent).map((a) => ({ Id: a.id, Type: "ACCOUNT" }));
      const p = page(children, input);
      return { Children: p.items, NextToken: p.next };
    }),
    ListParents: op<T.ListParentsRequest, T.ListParentsResponse>((ctx, input) => {
      const o = org(ctx);
      const id = input.ChildId ?? "";
      const parentId = ctx.scenario.accounts[id]?.parentId ?? o.ous.find((u) => u.id === id)?.parentId;
      if (!parentId) throw new SandboxError("ChildNotFoundException", "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.", 404);
      const p = page([{ Id: parentId, Type: parentId === o.rootId ? "ROOT" : "ORGANIZATIONAL_UNIT" } as T.Parent], input);
      return { Parents: p.items, NextToken: p.next };
    }),
    ListTagsForResource: op<T.ListTagsForResourceRequest, T.ListTagsForResourceResponse>((ctx, input) => {
      org(ctx);
      const a = ctx.scenario.accounts[input.ResourceId ?? ""];
      if (!a) throw new SandboxError("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.", 400);
      const tags = Object.entries(a.tags).map(([Key, Value]) => ({ Key, Value }));
      const p = paginate(tags, { token: input.NextToken, defaultMax: 20, invalidTokenCode: "InvalidInputException" });
      return { Tags: p.items, NextToken: p.next };
    }),
    ListDelegatedAdministrators: op<T.ListDelegatedAdministratorsRequest, T.ListDelegatedAdministratorsResponse>((ctx, input) => {
      const o = org(ctx);
      const rows = o.delegatedAdministrators.filter((d) => !input.ServicePrincipal || d.servicePrincipal === input.ServicePrincipal);
      const seen = new Set<string>();
      const admins: T.DelegatedAdministrator[] = [];
      for (const d of rows) {
        const a = ctx.scenario.accounts[d.accountId];
        if (!a || seen.has(a.id)) continue;
        seen.add(a.id);
        const { Id, Arn, Email, Name, Status, State, JoinedMethod, JoinedTimestamp } = orgAccount(ctx, o, a);
        admins.push({ Id, Arn, Email, Name, Status, State, JoinedMethod, JoinedTimestamp, DelegationEnabledDate: d.since });
      }
      const p = page(admins, input);
      return { DelegatedAdministrators: p.items, NextToken: p.next };
    }),
    ListAWSServiceAccessForOrganization: op<T.ListAWSServiceAccessForOrganizationRequest, T.ListAWSServiceAccessForOrganizationResponse>((ctx, input) => {
      const o = org(ctx);
      const p = page(o.serviceAccess.map((s) => ({ ServicePrincipal: s.servicePrincipal, DateEnabled: s.since })), input);
      return { EnabledServicePrincipals: p.items, NextToken: p.next };
    }),
    ListPolicies: op<T.ListPoliciesRequest, T.ListPoliciesResponse>((ctx, input) => {
      const o = org(ctx);
      const p = page(o.policies.filter((x) => x.summary.Type === input.Filter), input);
      return { Policies: p.items.map((x) => policySummary(ctx, o, x)), NextToken: p.next };
    }),
    DescribePolicy: op<T.DescribePolicyRequest, T.DescribePolicyResponse>((ctx, input) => {
      const o = org(ctx);
      const x = policyById(o, input.PolicyId);
      return { Policy: { PolicySummary: policySummary(ctx, o, x), Content: x.content } };
    }),
    ListTargetsForPolicy: op<T.ListTargetsForPolicyRequest, T.ListTargetsForPolicyResponse>((ctx, input) => {
      const o = org(ctx);
      const x = policyById(o, input.PolicyId);
      const p = page(x.targets.map((id) => targetSummary(ctx, o, id)), input);
      return { Targets: p.items, NextToken: p.next };
    }),
    ListPoliciesForTarget: op<T.ListPoliciesForTargetRequest, T.ListPoliciesForTargetResponse>((ctx, input) => {
      const o = org(ctx);
      const id = input.TargetId ?? "";
      if (id !== o.rootId && !ctx.scenario.accounts[id] && !o.ous.some((u) => u.id === id))
        throw new SandboxError("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.", 400);
      const p = page(o.policies.filter((x) => x.summary.Type === input.Filter && x.targets.includes(id)), input);
      return { Policies: p.items.map((x) => policySummary(ctx, o, x)), NextToken: p.next };
    }),
  },
};
