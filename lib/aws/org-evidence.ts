// Organization discovery and organization-level evidence, once per scan (checks.md §1.3, §13): from
// the management account (as the scanner itself, or through the member role there), the scanner's own
// delegated-admin access, the delegated admins and the Log Archive account (./placement).
import { ListOrganizationsFeaturesCommand } from "@aws-sdk/client-iam";
import { ListAutomationRulesCommand } from "@aws-sdk/client-securityhub";
import type { Analyzer, Collected, LogBucketProtection, OrgAccount, OrgEvidence, Regional, Trail } from "@/lib/scoring/evidence";
import type { ClientFactory } from "./clients";
import { listAnalyzers } from "./collectors/access-analyzer";
import { describeTrail, describeTrails } from "./collectors/cloudtrail";
import { perRegion } from "./collectors/context";
import { listRules } from "./collectors/eventbridge";
import {
  delegatedAdmins,
  describeAccounts,
  describeOrganization,
  listAccounts,
  type OrganizationFacts,
} from "./collectors/organizations";
import { collectLogBucketProtection, listBuckets, type BucketRef } from "./collectors/s3";
import { AccountEntryError, ScanAbortedError, attempt, failed, isAbortError } from "./errors";
import { mapLimit } from "./limiter";
import { readAsManagement, type Placement, type PlacementKind } from "./placement";
import { enabledRegions } from "./regions";
import type { AwsSettings } from "./settings";

export type OrgDiscovery = {
  collectedAt: string;
  managementAccountId: string;
  /** The scanner's own account and where it sits (./placement). */
  scanner: { accountId: string; placement: PlacementKind };
  /** `null` value = standalone account (AWSOrganizationsNotInUseException). */
  organization: Collected<OrganizationFacts | null>;
  /** Every account of ListAccounts (all states), with OU path, tags and SCPs. */
  accounts: Record<string, OrgAccount>;
  /** Service principal → delegated administrator account ids. */
  delegatedAdmins: Record<string, string[]>;
};

export type OrgDeps = {
  settings: AwsSettings;
  /** Clients with the scanner's own credentials. */
  self: ClientFactory;
  /** Where the scanner runs (resolved once, cached by the caller). */
  placement(): Promise<Placement>;
  /**
   * Clients for reading an account, counted in the org tally: the scanner's own for its own account,
   * else the member role there. Throws AccountEntryError.
   */
  clientsFor(accountId: string): Promise<ClientFactory>;
};

export async function discoverOrganization(deps: OrgDeps, options: { now?: Date } = {}): Promise<OrgDiscovery> {
  const { self, settings } = deps;
  const placement = await deps.placement();
  const collectedAt = (options.now ?? new Date()).toISOString();
  const scanner = { accountId: placement.scannerAccountId, placement: placement.kind };
  if (placement.kind === "standalone") {
    // Standalone account: the scanner's own account is the only one.
    const id = placement.scannerAccountId;
    const account: OrgAccount = { id, name: id, email: "", state: "ACTIVE", ouPath: { ok: true, value: [] }, tags: { ok: true, value: {} }, scps: { ok: true, value: [] } };
    return { collectedAt, managementAccountId: id, scanner, organization: placement.ownOrganization, accounts: { [id]: account }, delegatedAdmins: {} };
  }
  // ListAccounts failing everywhere is fatal for the scan: there is nothing to score without the account list.
  const managementRole = () => deps.clientsFor(placement.managementAccountId);
  const { reader, listed } = await readAsManagement(placement, self, managementRole, async (reader) => ({ reader, listed: await listAccounts(reader) }));
  // An outside scanner's own DescribeOrganization is about no organisation, or another one.
  const organization = placement.kind === "outside" ? await describeOrganization(reader) : placement.ownOrganization;
  const [accounts, admins] = await Promise.all([describeAccounts(reader, listed, settings.perAccountConcurrency), delegatedAdmins(reader)]);
  return { collectedAt, managementAccountId: placement.managementAccountId, scanner, organization, accounts, delegatedAdmins: admins };
}

export type CollectOrgOptions = {
  now?: Date;
  signal?: AbortSignal;
  /** Bucket lists already gathered (e.g. by account scans), by account id; missing accounts are listed here. */
  bucketLists?: Record<string, BucketRef[]>;
  /** Buckets the account's trails deliver to, already gathered by account scans; missing accounts are read here. */
  trailBuckets?: Record<string, string[]>;
};

export async function collectOrgEvidence(deps: OrgDeps, discovery: OrgDiscovery, options: CollectOrgOptions = {}): Promise<OrgEvidence> {
  const { settings, self } = deps;
  // Shared factories carry no signal (account scans use them too): abort is checked between steps.
  const checkAbort = () => {
    if (options.signal?.aborted) throw new ScanAbortedError();
  };
  checkAbort();
  const collectedAt = (options.now ?? new Date()).toISOString();
  const isOrg = discovery.organization.ok && discovery.organization.value !== null;
  const clientsFor = async (accountId: string): Promise<ClientFactory> => {
    checkAbort();
    return deps.clientsFor(accountId);
  };

  const regionsOf = async (clients: ClientFactory): Promise<string[]> => {
    try {
      return await enabledRegions(clients, settings.regionsAllowList, settings.homeRegion);
    } catch (err) {
      if (isAbortError(err)) throw err;
      return settings.regionsAllowList.length > 0 ? [...settings.regionsAllowList] : [settings.homeRegion];
    }
  };

  const managementClients = () => clientsFor(discovery.managementAccountId);

  // Answered only by the management account or IAM's delegated administrator (checks.md §13).
  const organizationsFeatures = attempt("iam:ListOrganizationsFeatures", async () =>
    readAsManagement(await deps.placement(), self, managementClients, async (clients) => {
      const out = await clients.get("iam").send(new ListOrganizationsFeaturesCommand({}));
      return { enabledFeatures: (out.EnabledFeatures ?? []).map(String) };
    }),
  );

  // Organization trails: DescribeTrails in the management account's home Region (they are multi-Region).
  // A member scanner without the member role there still sees them, as shadow trails, in its own account.
  const trailReader = async (): Promise<ClientFactory> => {
    try {
      return await managementClients();
    } catch (err) {
      if (isAbortError(err) || discovery.scanner.placement !== "member") throw err;
      return self;
    }
  };
  const organizationTrails: Promise<Collected<Trail[]>> = isOrg
    ? attempt("cloudtrail:DescribeTrails", async () => {
        const management = await trailReader();
        const list = (await describeTrails(management, settings.homeRegion)).filter((t) => t.IsOrganizationTrail);
        const seen = new Set<string>();
        const unique = list.filter((t) => {
          const k = t.TrailARN ?? t.Name ?? "";
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        return Promise.all(unique.map((t) => describeTrail(management, t, settings.homeRegion)));
      })
    : Promise.resolve({ ok: true as const, value: [] });

  // Organization analyzers live in Access Analyzer's delegated admin or in the management account
  // (checks.md §8): both are read, and a Region is covered if either has one.
  const orgAnalyzers: Promise<Regional<Analyzer[]>> = (async () => {
    if (!isOrg) return {};
    const owners = [...new Set([...(discovery.delegatedAdmins["access-analyzer.amazonaws.com"] ?? []), discovery.managementAccountId])];
    const lists = await Promise.all(
      owners.map(async (owner): Promise<Regional<Analyzer[]>> => {
        let clients: ClientFactory;
        try {
          clients = await clientsFor(owner);
        } catch (err) {
          if (isAbortError(err)) throw err;
          return { [settings.homeRegion]: failed<Analyzer[]>(err, "sts:AssumeRole") };
        }
        const regions = await regionsOf(clients);
        return perRegion(regions, "access-analyzer:ListAnalyzers", (region) => listAnalyzers(clients, region));
      }),
    );
    return mergeAnalyzers(lists);
  })();

  // Bucket → owner map from every ACTIVE account's ListBuckets, and the buckets its trails deliver to
  // (DescribeTrails in the home Region: multi-Region trails show there), reusing what account scans found.
  const bucketRegions = new Map<string, string | undefined>();
  const memberTrailBuckets = new Map<string, Set<string>>(); // bucket → accounts whose trails use it
  const bucketOwners: Promise<Collected<Record<string, string>>> = attempt("s3:ListAllMyBuckets", async () => {
    const owners: Record<string, string> = {};
    const active = Object.values(discovery.accounts).filter((a) => a.state === "ACTIVE");
    let listedAny = false;
    let lastError: unknown;
    await mapLimit(active, Math.max(1, settings.perAccountConcurrency), async (a) => {
      let list = options.bucketLists?.[a.id];
      let trailBuckets = options.trailBuckets?.[a.id];
      let clients: ClientFactory | undefined;
      if (list === undefined || trailBuckets === undefined) {
        try {
          clients = await clientsFor(a.id);
        } catch (err) {
          if (isAbortError(err)) throw err;
          lastError = err; // an account we cannot enter: its buckets stay unmapped ("owner not found")
        }
      }
      if (clients !== undefined) {
        const [l, t] = await Promise.allSettled([
          list ?? listBuckets(clients, settings.homeRegion),
          trailBuckets ?? describeTrails(clients, settings.homeRegion).then((ts) => ts.map((x) => x.S3BucketName).filter((b): b is string => !!b)),
        ]);
        for (const r of [l, t]) if (r.status === "rejected" && isAbortError(r.reason)) throw r.reason;
        if (l.status === "fulfilled") list = l.value;
        else lastError = l.reason;
        if (t.status === "fulfilled") trailBuckets = t.value;
      }
      for (const b of trailBuckets ?? []) memberTrailBuckets.set(b, (memberTrailBuckets.get(b) ?? new Set()).add(a.id));
      if (list === undefined) return;
      listedAny = true;
      for (const b of list) {
        owners[b.name] = a.id;
        bucketRegions.set(b.name, b.region);
      }
    });
    if (!listedAny && active.length > 0 && lastError !== undefined) throw lastError;
    return owners;
  });

  const [features, trails, analyzers, owners] = await Promise.all([organizationsFeatures, organizationTrails, orgAnalyzers, bucketOwners]);
  checkAbort();

  // Log Archive: configured, else the owner of the organization trail's bucket, else the account whose
  // buckets receive the most other accounts' trails.
  const ownerOf = (bucket: string) => (owners.ok ? owners.value[bucket] : undefined);
  const orgTrailBuckets = trails.ok ? trails.value.map((t) => t.s3BucketName).filter((b): b is string => !!b) : [];
  const inferLogArchive = (): string | undefined => {
    const fromOrgTrail = orgTrailBuckets.map(ownerOf).find((x) => x !== undefined);
    if (fromOrgTrail !== undefined) return fromOrgTrail;
    const users = new Map<string, number>();
    for (const [bucket, accounts] of memberTrailBuckets) {
      const owner = ownerOf(bucket);
      if (owner === undefined) continue;
      const others = [...accounts].filter((a) => a !== owner).length;
      if (others > 0) users.set(owner, (users.get(owner) ?? 0) + others);
    }
    return [...users.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  };
  const logArchiveAccountId = settings.logArchiveAccountId ?? inferLogArchive();
  const logBuckets: Record<string, Collected<LogBucketProtection>> = {};
  const allTrailBuckets = [...new Set([...orgTrailBuckets, ...memberTrailBuckets.keys()])];
  await Promise.all(
    allTrailBuckets.map(async (bucket) => {
      const owner = ownerOf(bucket) ?? logArchiveAccountId;
      if (owner === undefined) {
        logBuckets[bucket] = { ok: false, error: { code: "LogArchiveUnknown", message: `owner of bucket ${bucket} not found in the organization` } };
        return;
      }
      try {
        const clients = await clientsFor(owner);
        logBuckets[bucket] = { ok: true, value: await collectLogBucketProtection(clients, { name: bucket, region: bucketRegions.get(bucket) ?? settings.homeRegion }) };
      } catch (err) {
        if (isAbortError(err)) throw err;
        logBuckets[bucket] = failed<LogBucketProtection>(err, "sts:AssumeRole");
      }
    }),
  );

  // Findings automation in the Security Hub (else GuardDuty) delegated admin.
  let findingsAdmin: OrgEvidence["findingsAdmin"];
  const shAdmin = discovery.delegatedAdmins["securityhub.amazonaws.com"]?.[0] ?? discovery.delegatedAdmins["guardduty.amazonaws.com"]?.[0];
  if (isOrg && shAdmin !== undefined) {
    try {
      const clients = await clientsFor(shAdmin);
      const regions = await regionsOf(clients);
      const [eventRules, automationRules] = await Promise.all([
        perRegion(regions, "events:ListRules", (region) => listRules(clients, region)),
        attempt("securityhub:ListAutomationRules", async () => {
          const sh = clients.get("securityhub", settings.homeRegion);
          const rules: { ruleArn: string; ruleName: string; ruleStatus: string }[] = [];
          let token: string | undefined;
          do {
            const page = await sh.send(new ListAutomationRulesCommand({ MaxResults: 100, NextToken: token }));
            for (const r of page.AutomationRulesMetadata ?? []) rules.push({ ruleArn: r.RuleArn ?? "", ruleName: r.RuleName ?? "", ruleStatus: r.RuleStatus ?? "" });
            token = page.NextToken || undefined;
          } while (token !== undefined);
          return rules;
        }),
      ]);
      findingsAdmin = { accountId: shAdmin, eventRules, automationRules };
    } catch (err) {
      if (isAbortError(err)) throw err;
      const e = failed<never>(err, "sts:AssumeRole");
      findingsAdmin = { accountId: shAdmin, eventRules: {}, automationRules: e };
    }
  }

  checkAbort();
  const evidence: OrgEvidence = {
    collectedAt,
    organization: discovery.organization,
    organizationsFeatures: features,
    accounts: discovery.accounts,
    organizationTrails: trails,
    orgAnalyzers: analyzers,
    bucketOwners: owners,
    logBuckets,
  };
  if (logArchiveAccountId !== undefined) evidence.logArchiveAccountId = logArchiveAccountId;
  if (findingsAdmin !== undefined) evidence.findingsAdmin = findingsAdmin;
  return evidence;
}

/**
 * Per Region, the organization analyzers of every account that may own one: an active ORGANIZATION
 * analyzer anywhere covers the Region; otherwise a failed read leaves it unknown rather than uncovered.
 */
export function mergeAnalyzers(lists: Regional<Analyzer[]>[]): Regional<Analyzer[]> {
  const out: Regional<Analyzer[]> = {};
  for (const region of new Set(lists.flatMap((l) => Object.keys(l)))) {
    const entries = lists.map((l) => l[region]).filter((e) => e !== undefined);
    const found = entries.flatMap((e) => ("ok" in e && e.ok ? e.value : []));
    const covered = found.some((a) => a.type === "ORGANIZATION" && a.status === "ACTIVE");
    const error = entries.find((e) => "ok" in e && !e.ok);
    const answered = entries.some((e) => "ok" in e && e.ok);
    out[region] = covered || (answered && error === undefined) ? { ok: true, value: found } : (error ?? entries[0]!);
  }
  return out;
}

export { AccountEntryError };
