// Public API of lib/aws for lib/scan. One scanner per process (or per scan):
//
//   const aws = createAwsScanner(settings, { credentials?, onApiCall? });
//   const discovery = await aws.discoverOrganization();            // MGMT / DA: accounts, OU paths, tags, SCPs, delegated admins
//   const org = await aws.collectOrgEvidence(discovery, { now });   // ORG evidence (once per scan)
//   const session = await aws.enterAccount(accountId);              // AssumeRole (own account: own credentials); throws AccountEntryError
//   const evidence = await aws.collectAccountEvidence(session, { now, org });  // never throws for AWS errors
//   session.apiCalls();                                              // { iam: 7, ec2: 52, … }
//
// `collectOrganization` / `collectAccount` bundle these for lib/scan's ScannerAws port.
import type { AccessFinding, AccountEvidence, Analyzer, OrgEvidence } from "@/lib/scoring/evidence";
import { collectAccountEvidence, type AccountSession } from "./account-evidence";
import { ClientFactory, sharedClientParts, type ApiCallListener, type Credentials, type ServiceKey } from "./clients";
import { listExternalFindingsPaged, type OrgAnalyzerSource } from "./collectors/access-analyzer";
import type { Clock } from "./collectors/credential-report";
import type { BucketRef } from "./collectors/s3";
import { RoleAssumer, scannerCredentials } from "./credentials";
import { AccountEntryError, ScanAbortedError } from "./errors";
import { collectOrgEvidence, discoverOrganization, type OrgDeps, type OrgDiscovery } from "./org-evidence";
import { resolvePlacement, type Placement } from "./placement";
import { resolveAwsSettings, type AwsSettings, type AwsSettingsInput } from "./settings";

export { AccountEntryError, ScanAbortedError } from "./errors";
export { defaultAwsSettings, resolveAwsSettings, type AwsSettings, type AwsSettingsInput } from "./settings";
export type { AccountSession } from "./account-evidence";
export type { OrgDiscovery } from "./org-evidence";
export type { Placement, PlacementKind } from "./placement";
export type { BucketRef } from "./collectors/s3";
export type { ServiceKey, Credentials } from "./clients";

export type ApiCalls = Record<string, number>;

export type AwsScannerOptions = {
  /** The scanner's own credentials (management, delegated-admin or outside account); default: the SDK's default provider chain. */
  credentials?: Credentials;
  /** Called for every AWS call: the account it was made in (or "org"), the service and the operation. */
  onApiCall?: (service: ServiceKey, operation: string, scope: string) => void;
  /** Injected clock for the credential-report backoff (tests). */
  clock?: Clock;
};

export type AwsScanner = {
  readonly settings: AwsSettings;
  /** The management account id (DescribeOrganization.MasterAccountId or TENFOLD_MANAGEMENT_ACCOUNT_ID, else the caller's own account). */
  managementAccountId(): Promise<string>;
  /** Where the scanner runs: its own account and its place in the organisation (./placement). */
  placement(): Promise<Placement>;
  /** ListAccounts (all states), OU paths, tags, SCPs, delegated admins. Throws if the account list cannot be read. */
  discoverOrganization(options?: { now?: Date; signal?: AbortSignal }): Promise<OrgDiscovery>;
  /** ORG evidence. Bucket lists already gathered by account scans are reused (see `bucketLists`). */
  collectOrgEvidence(
    discovery: OrgDiscovery,
    options?: { now?: Date; signal?: AbortSignal; bucketLists?: Record<string, BucketRef[]>; trailBuckets?: Record<string, string[]> },
  ): Promise<OrgEvidence>;
  /**
   * AssumeRole into the account's Tenfold role (cached, refreshed before expiry); the scanner's own
   * account is read with its own credentials. Throws AccountEntryError.
   */
  enterAccount(accountId: string): Promise<AccountSession>;
  /** All collectors for one account; AWS failures become evidence. Throws only on abort. */
  collectAccountEvidence(session: AccountSession, options: { now: Date; signal?: AbortSignal; org?: OrgEvidence }): Promise<AccountEvidence>;
  /** Discovery + org evidence with the API calls it made (lib/scan ScannerAws.collectOrganization). */
  collectOrganization(options?: { now?: Date; signal?: AbortSignal }): Promise<{ org: OrgEvidence; discovery: OrgDiscovery; managementAccountId: string; apiCalls: ApiCalls }>;
  /** enterAccount + collectAccountEvidence (lib/scan ScannerAws.collectAccount). Throws AccountEntryError. */
  collectAccount(accountId: string, options: { now?: Date; signal?: AbortSignal; org?: OrgEvidence }): Promise<{ evidence: AccountEvidence; apiCalls: ApiCalls }>;
};

const addCalls = (a: ApiCalls, b: Record<string, number>): ApiCalls => {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
};

export function createAwsScanner(input: AwsSettingsInput, options: AwsScannerOptions = {}): AwsScanner {
  const settings = resolveAwsSettings(input);
  const listener = (scope: string): ApiCallListener | undefined =>
    options.onApiCall ? (service, operation) => options.onApiCall?.(service, operation, scope) : undefined;
  const base = sharedClientParts();
  const partsFor = (scope: string) => ({ ...base, onApiCall: listener(scope) });

  // The scanner's own credentials. Org-level calls are counted on this factory.
  const self = new ClientFactory(scannerCredentials(options.credentials), settings, partsFor("org"));
  const assumer = new RoleAssumer(self, settings);
  let placementP: Promise<Placement> | undefined;

  // Resolved once per scan (collectOrganization starts afresh) and kept by account jobs, which need only
  // the scanner's own account id; a failure is retried on the next call.
  const placement = (): Promise<Placement> => {
    placementP ??= resolvePlacement(self, settings.managementAccountId);
    placementP.catch(() => (placementP = undefined));
    return placementP;
  };
  const managementAccountId = async (): Promise<string> => (await placement()).managementAccountId;

  const enterAccount = async (accountId: string): Promise<AccountSession> => {
    // If the scanner's own identity cannot be read, every account is entered through its role as before.
    const own = await placement().then((p) => p.scannerAccountId, () => undefined);
    if (accountId === own) {
      // No AssumeRole into itself: the member role is not deployed where the scanner runs (a
      // service-managed StackSet skips the management account), and the scanner role reads as much.
      const clients = new ClientFactory(self.credentials, settings, partsFor(accountId));
      return { accountId, clients, settings, apiCalls: () => ({ ...clients.calls }) };
    }
    const before = assumer.assumeCalls(accountId);
    // Each entry (one per account per scan) assumes the role afresh: a role removed or an ExternalId
    // changed since the last scan shows at once, and sessions never outlive a scan.
    assumer.forget(accountId);
    await assumer.assume(accountId); // fail fast with AccountEntryError
    const clients = new ClientFactory(assumer.provider(accountId), settings, partsFor(accountId));
    return {
      accountId,
      clients,
      settings,
      // AssumeRole calls for this account since it was entered (entry + refreshes) are counted as `sts`.
      apiCalls: () => {
        const sts = assumer.assumeCalls(accountId) - before;
        return addCalls(sts > 0 ? { sts } : {}, clients.calls);
      },
    };
  };

  // Org-level clients of other accounts: same cached role credentials, calls counted as "org".
  const orgClients = new Map<string, ClientFactory>();
  const deps: OrgDeps = {
    settings,
    self,
    placement,
    clientsFor: async (accountId) => {
      if (accountId === (await placement()).scannerAccountId) return self;
      await assumer.assume(accountId); // throws AccountEntryError; concurrent callers share one AssumeRole
      let c = orgClients.get(accountId);
      if (!c) {
        c = new ClientFactory(assumer.provider(accountId), settings, partsFor("org"));
        orgClients.set(accountId, c);
      }
      return c;
    },
  };
  // What account scans learnt that ORG evidence needs (bucket owners, trail buckets): the next org collection reuses it.
  const bucketLists: Record<string, BucketRef[]> = {};
  const trailBuckets: Record<string, string[]> = {};

  // Organization-analyzer findings, listed once per scan, Region and process and shared by every account
  // without an analyzer of its own. One filtered ListFindings per account and Region would put the whole
  // scan on the delegated admin's Access Analyzer rate limit (20/s for 17,000 calls at 1,000 accounts ×
  // 17 Regions: docs/benchmarks.md). The listing counts towards the account whose scan started it. A
  // listing that fails or hits its page cap gives undefined: the accounts then list their own, as before.
  let sharedScan = "";
  const sharedListings = new Map<string, Promise<Map<string, AccessFinding[]> | undefined>>();
  const sharedFindings =
    (org: OrgEvidence, clients: (analyzer: Analyzer) => Promise<ClientFactory>) =>
    async (region: string, analyzer: Analyzer, accountId: string): Promise<AccessFinding[] | undefined> => {
      if (sharedScan !== org.collectedAt) {
        sharedScan = org.collectedAt;
        sharedListings.clear();
      }
      const key = `${region}|${analyzer.arn}`;
      let listing = sharedListings.get(key);
      if (!listing) {
        listing = (async () => {
          const { findings, truncated } = await listExternalFindingsPaged(await clients(analyzer), region, analyzer.arn, undefined, settings.maxFindingPages * 100);
          if (truncated) return undefined;
          const byOwner = new Map<string, AccessFinding[]>();
          for (const f of findings) byOwner.set(f.resourceOwnerAccount, [...(byOwner.get(f.resourceOwnerAccount) ?? []), f]);
          return byOwner;
        })().catch(() => {
          sharedListings.delete(key); // e.g. the starting account's scan was aborted: the next account retries
          return undefined;
        });
        sharedListings.set(key, listing);
      }
      const byOwner = await listing;
      return byOwner ? (byOwner.get(accountId) ?? []) : undefined;
    };

  // Organization analyzers (in the Access Analyzer delegated admin or the management account), read for
  // accounts without their own analyzer; those calls count towards the account being scanned.
  const orgAnalyzerSource = (org: OrgEvidence | undefined, session: AccountSession): OrgAnalyzerSource | undefined => {
    if (!org) return undefined;
    const byRegion = new Map<string, Analyzer>();
    for (const [region, r] of Object.entries(org.orgAnalyzers)) {
      if (!("ok" in r) || !r.ok) continue;
      const a = r.value.find((x) => x.type === "ORGANIZATION" && x.status === "ACTIVE");
      if (a) byRegion.set(region, a);
    }
    if (byRegion.size === 0) return undefined;
    const byOwner = new Map<string, Promise<ClientFactory>>();
    const ownerClients = (analyzer: Analyzer) => {
      const owner = analyzer.arn.split(":")[4] ?? "";
      let clients = byOwner.get(owner);
      if (!clients) {
        clients = (async () => {
          if (owner === session.accountId) return session.clients;
          if (owner === "" || owner === (await placement()).scannerAccountId) return session.clients.derive(self.credentials);
          await assumer.assume(owner);
          return session.clients.derive(assumer.provider(owner));
        })();
        byOwner.set(owner, clients);
      }
      return clients;
    };
    return { analyzerFor: (region) => byRegion.get(region), clients: ownerClients, sharedFindings: sharedFindings(org, ownerClients) };
  };

  const collectAccountEvidenceFn: AwsScanner["collectAccountEvidence"] = async (session, o) => {
    const evidence = await collectAccountEvidence(session, {
      now: o.now,
      signal: o.signal,
      orgAnalyzers: orgAnalyzerSource(o.org, session),
      organizationTrails: o.org?.organizationTrails.ok ? o.org.organizationTrails.value : undefined,
      clock: options.clock,
    });
    if (session.buckets) bucketLists[session.accountId] = session.buckets;
    if (session.trailBuckets) trailBuckets[session.accountId] = session.trailBuckets;
    return evidence;
  };

  const scanner: AwsScanner = {
    settings,
    managementAccountId,
    placement,
    discoverOrganization: async (o = {}) => {
      if (o.signal?.aborted) throw new ScanAbortedError();
      const d = await discoverOrganization(deps, { now: o.now });
      if (o.signal?.aborted) throw new ScanAbortedError();
      return d;
    },
    collectOrgEvidence: (discovery, o = {}) =>
      collectOrgEvidence(deps, discovery, { ...o, bucketLists: { ...bucketLists, ...o.bucketLists }, trailBuckets: { ...trailBuckets, ...o.trailBuckets } }),
    enterAccount,
    collectAccountEvidence: collectAccountEvidenceFn,
    collectOrganization: async (o = {}) => {
      // A new scan enters the other accounts afresh (see enterAccount), and reads the organisation anew.
      orgClients.clear();
      assumer.forgetAll();
      placementP = undefined;
      const before = { ...self.calls };
      const orgBefore = [...orgClients.values()].map((c) => ({ ...c.calls }));
      const discovery = await scanner.discoverOrganization(o);
      const org = await scanner.collectOrgEvidence(discovery, o);
      const apiCalls: ApiCalls = {};
      for (const [k, v] of Object.entries(self.calls)) apiCalls[k] = v - (before[k] ?? 0);
      [...orgClients.values()].forEach((c, i) => {
        const prev = orgBefore[i] ?? {};
        for (const [k, v] of Object.entries(c.calls)) apiCalls[k] = (apiCalls[k] ?? 0) + v - (prev[k] ?? 0);
      });
      for (const k of Object.keys(apiCalls)) if (apiCalls[k] === 0) delete apiCalls[k];
      return { org, discovery, managementAccountId: discovery.managementAccountId, apiCalls };
    },
    collectAccount: async (accountId, o) => {
      const session = await enterAccount(accountId);
      const evidence = await collectAccountEvidenceFn(session, { now: o.now ?? new Date(), signal: o.signal, org: o.org });
      return { evidence, apiCalls: session.apiCalls() };
    },
  };
  return scanner;
}

export { AccountEntryError as AwsAccountEntryError };
