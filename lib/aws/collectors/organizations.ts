// Organizations discovery (MGMT, checks.md §1.3): accounts (ListAccounts ≤ 20 per page, looping
// while NextToken is set even after an empty page), organization facts, OU paths with names, account
// tags, SCPs on the path, delegated administrators. Lookups shared by accounts are cached; the OU tree
// and the SCP attachments are read top-down (per OU, per policy) rather than per account.
import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListRootsCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListDelegatedAdministrators,
  paginateListPolicies,
  paginateListPoliciesForTarget,
  paginateListTargetsForPolicy,
  paginateListTagsForResource,
} from "@aws-sdk/client-organizations";
import type { Collected, OrgAccount, ServiceControlPolicy } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { attempt, call, isNotFound } from "../errors";
import { mapLimit } from "../limiter";

export const DELEGATED_ADMIN_PRINCIPALS = [
  "access-analyzer.amazonaws.com",
  "securityhub.amazonaws.com",
  "guardduty.amazonaws.com",
  "inspector2.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "iam.amazonaws.com",
] as const;

export type OrganizationFacts = { id: string; featureSet: "ALL" | "CONSOLIDATED_BILLING"; managementAccountId: string };

export async function describeOrganization(clients: ClientFactory): Promise<Collected<OrganizationFacts | null>> {
  return attempt("organizations:DescribeOrganization", async () => {
    try {
      const o = (await clients.get("organizations").send(new DescribeOrganizationCommand({}))).Organization;
      if (!o) return null;
      return { id: o.Id ?? "", featureSet: o.FeatureSet === "CONSOLIDATED_BILLING" ? "CONSOLIDATED_BILLING" : "ALL", managementAccountId: o.MasterAccountId ?? "" };
    } catch (err) {
      if (isNotFound(err, "AWSOrganizationsNotInUseException")) return null;
      throw err;
    }
  });
}

export type ListedAccount = { id: string; name: string; email: string; state: string };

export async function listAccounts(clients: ClientFactory): Promise<ListedAccount[]> {
  const out: ListedAccount[] = [];
  await call("organizations:ListAccounts", async () => {
    for await (const page of paginateListAccounts({ client: clients.get("organizations"), pageSize: 20 }, { MaxResults: 20 }))
      for (const a of page.Accounts ?? [])
        if (a.Id) out.push({ id: a.Id, name: a.Name ?? "", email: a.Email ?? "", state: a.State ?? legacyState(a.Status) });
  });
  return out;
}

/** Account.Status was retired in favour of Account.State (checks.md §0.9); map it only as a fallback. */
const legacyState = (status: string | undefined): string => (status === "ACTIVE" ? "ACTIVE" : status === "SUSPENDED" ? "SUSPENDED" : (status ?? ""));

export async function delegatedAdmins(clients: ClientFactory): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await Promise.all(
    DELEGATED_ADMIN_PRINCIPALS.map(async (p) => {
      try {
        const ids: string[] = [];
        for await (const page of paginateListDelegatedAdministrators({ client: clients.get("organizations"), pageSize: 20 }, { ServicePrincipal: p }))
          for (const d of page.DelegatedAdministrators ?? []) if (d.Id && d.Status !== "SUSPENDED") ids.push(d.Id);
        out[p] = ids;
      } catch {
        out[p] = []; // unknown principal / no access: fall back to the management account
      }
    }),
  );
  return out;
}

type Parent = { id: string; type: "ROOT" | "ORGANIZATIONAL_UNIT"; name?: string };

type PolicyRef = { id: string; name: string };

/** Cached per-organization lookups (ListParents, OU names, policies per target, policy content). */
export class OrgLookups {
  private readonly parents = new Map<string, Promise<Parent | undefined>>();
  private readonly ouNames = new Map<string, Promise<string | undefined>>();
  private readonly targetPolicies = new Map<string, Promise<PolicyRef[]>>();
  /** Every SCP attachment of the organisation, when walkPolicies read them all; a target absent has none. */
  private attachments?: Map<string, PolicyRef[]>;
  private readonly policyContent = new Map<string, Promise<string>>();

  constructor(private readonly clients: ClientFactory) {}

  private org() {
    return this.clients.get("organizations");
  }

  private parentOf(childId: string): Promise<Parent | undefined> {
    let p = this.parents.get(childId);
    if (!p) {
      p = call("organizations:ListParents", async () => {
        const out = await this.org().send(new ListParentsCommand({ ChildId: childId }));
        const first = out.Parents?.[0];
        if (!first?.Id) return undefined;
        return { id: first.Id, type: first.Type === "ROOT" ? "ROOT" : "ORGANIZATIONAL_UNIT" } as Parent;
      });
      this.parents.set(childId, p);
    }
    return p;
  }

  private ouName(id: string): Promise<string | undefined> {
    let p = this.ouNames.get(id);
    if (!p) {
      p = call("organizations:DescribeOrganizationalUnit", async () => {
        try {
          return (await this.org().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id }))).OrganizationalUnit?.Name;
        } catch {
          return undefined; // names are cosmetic
        }
      });
      this.ouNames.set(id, p);
    }
    return p;
  }

  /**
   * Reads the OU tree top-down (ListRoots, then per OU ListOrganizationalUnitsForParent and
   * ListAccountsForParent) into the parent and OU-name caches: about two calls per OU instead of one
   * ListParents per account and one DescribeOrganizationalUnit per OU. Organizations allows the
   * management account about 20 calls a second, so at 1,000 accounts this saves ~50 s of every scan
   * (docs/benchmarks.md). Best effort: whatever it could not read is looked up per account as before.
   */
  async walkTree(): Promise<void> {
    try {
      const roots = (await this.org().send(new ListRootsCommand({}))).Roots ?? [];
      const visit = async (parent: Parent): Promise<void> => {
        const children: Parent[] = [];
        for await (const page of paginateListOrganizationalUnitsForParent({ client: this.org(), pageSize: 20 }, { ParentId: parent.id }))
          for (const ou of page.OrganizationalUnits ?? []) {
            if (!ou.Id) continue;
            this.parents.set(ou.Id, Promise.resolve({ id: parent.id, type: parent.type }));
            this.ouNames.set(ou.Id, Promise.resolve(ou.Name));
            children.push({ id: ou.Id, type: "ORGANIZATIONAL_UNIT" });
          }
        for await (const page of paginateListAccountsForParent({ client: this.org(), pageSize: 20 }, { ParentId: parent.id }))
          for (const a of page.Accounts ?? []) if (a.Id) this.parents.set(a.Id, Promise.resolve({ id: parent.id, type: parent.type }));
        await Promise.all(children.map(visit));
      };
      await Promise.all(roots.filter((r) => r.Id).map((r) => visit({ id: r.Id!, type: "ROOT" })));
    } catch {
      // e.g. AccessDenied on one of these calls: per-account ListParents fills the gaps.
    }
  }

  /** Parent first, root last. */
  async ouPath(accountId: string): Promise<Parent[]> {
    const path: Parent[] = [];
    let child = accountId;
    for (let depth = 0; depth < 10; depth++) {
      const parent = await this.parentOf(child);
      if (!parent) break;
      const entry: Parent = { ...parent };
      if (parent.type === "ORGANIZATIONAL_UNIT") {
        const name = await this.ouName(parent.id);
        if (name !== undefined) entry.name = name;
      }
      path.push(entry);
      if (parent.type === "ROOT") break;
      child = parent.id;
    }
    return path;
  }

  async tags(accountId: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    await call("organizations:ListTagsForResource", async () => {
      for await (const page of paginateListTagsForResource({ client: this.org() }, { ResourceId: accountId }))
        for (const t of page.Tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
    });
    return out;
  }

  /**
   * Reads every SCP attachment from the policies' side (ListPolicies, then ListTargetsForPolicy per SCP):
   * a few calls per policy instead of one ListPoliciesForTarget per account, OU and root — ~1,000 fewer
   * calls at 1,000 accounts, ~50 s of the management account's Organizations rate (docs/benchmarks.md).
   * All or nothing: if any call fails, every target is asked for its own policies as before.
   */
  async walkPolicies(): Promise<void> {
    try {
      const policies: PolicyRef[] = [];
      for await (const page of paginateListPolicies({ client: this.org(), pageSize: 20 }, { Filter: "SERVICE_CONTROL_POLICY" }))
        for (const p of page.Policies ?? []) if (p.Id) policies.push({ id: p.Id, name: p.Name ?? p.Id });
      const attachments = new Map<string, PolicyRef[]>();
      // Sequential: the walk shares the management account's Organizations rate with the tree walk and
      // the per-account tags; a policy has few pages except FullAWSAccess (attached everywhere by default).
      for (const policy of policies)
        for await (const page of paginateListTargetsForPolicy({ client: this.org(), pageSize: 20 }, { PolicyId: policy.id }))
          for (const t of page.Targets ?? []) if (t.TargetId) attachments.set(t.TargetId, [...(attachments.get(t.TargetId) ?? []), policy]);
      this.attachments = attachments;
    } catch {
      // e.g. ListTargetsForPolicy denied: policiesFor asks per target.
    }
  }

  private policiesFor(targetId: string): Promise<PolicyRef[]> {
    if (this.attachments) return Promise.resolve(this.attachments.get(targetId) ?? []);
    let p = this.targetPolicies.get(targetId);
    if (!p) {
      p = call("organizations:ListPoliciesForTarget", async () => {
        const out: { id: string; name: string }[] = [];
        for await (const page of paginateListPoliciesForTarget({ client: this.org(), pageSize: 20 }, { TargetId: targetId, Filter: "SERVICE_CONTROL_POLICY" }))
          for (const s of page.Policies ?? []) if (s.Id) out.push({ id: s.Id, name: s.Name ?? s.Id });
        return out;
      });
      this.targetPolicies.set(targetId, p);
    }
    return p;
  }

  private content(policyId: string): Promise<string> {
    let p = this.policyContent.get(policyId);
    if (!p) {
      p = call("organizations:DescribePolicy", async () => (await this.org().send(new DescribePolicyCommand({ PolicyId: policyId }))).Policy?.Content ?? "");
      this.policyContent.set(policyId, p);
    }
    return p;
  }

  /** SCPs attached to the account, each OU on its path and the root. */
  async scps(accountId: string, path: Parent[]): Promise<ServiceControlPolicy[]> {
    const targets = [accountId, ...path.map((p) => p.id)];
    const perTarget = await Promise.all(
      targets.map(async (targetId) => {
        const list = await this.policiesFor(targetId);
        return Promise.all(list.map(async (pol) => ({ policyId: pol.id, name: pol.name, targetId, content: await this.content(pol.id) })));
      }),
    );
    return perTarget.flat();
  }
}

/** OU path, tags and SCPs of each account (bounded fan-out; shared lookups cached). */
export async function describeAccounts(clients: ClientFactory, accounts: ListedAccount[], concurrency: number): Promise<Record<string, OrgAccount>> {
  const lookups = new OrgLookups(clients);
  await Promise.all([lookups.walkTree(), lookups.walkPolicies()]);
  const out: Record<string, OrgAccount> = {};
  await mapLimit(accounts, concurrency, async (a) => {
    const ouPath = await attempt("organizations:ListParents", () => lookups.ouPath(a.id));
    const [tags, scps] = await Promise.all([
      attempt("organizations:ListTagsForResource", () => lookups.tags(a.id)),
      ouPath.ok
        ? attempt("organizations:ListPoliciesForTarget", () => lookups.scps(a.id, ouPath.value))
        : Promise.resolve(ouPath as Collected<ServiceControlPolicy[]>),
    ]);
    out[a.id] = { id: a.id, name: a.name, email: a.email, state: a.state, ouPath, tags, scps };
  });
  return out;
}
