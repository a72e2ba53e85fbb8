// Everything collected inside one account (MEM scope) for one scan. Never throws for an AWS error:
// each failure is evidence (`Collected` error / `notApplicable`). Throws only on abort.
import { EVIDENCE_SCHEMA_VERSION, type AccountEvidence, type Trail } from "@/lib/scoring/evidence";
import type { ClientFactory } from "./clients";
import { collectAccessAnalyzer, type OrgAnalyzerSource } from "./collectors/access-analyzer";
import { collectItem1 } from "./collectors/account";
import { collectTrails } from "./collectors/cloudtrail";
import { collectCodeBuild } from "./collectors/codebuild";
import type { CollectorContext } from "./collectors/context";
import type { Clock } from "./collectors/credential-report";
import { collectSecurityGroups, collectUserData } from "./collectors/ec2";
import { collectEcr } from "./collectors/ecr";
import { collectEcs } from "./collectors/ecs";
import { collectEventRules } from "./collectors/eventbridge";
import { collectGuardDuty } from "./collectors/guardduty";
import { collectIam } from "./collectors/iam";
import { collectInspector, collectInspectorCriticalFindings } from "./collectors/inspector";
import { collectKms } from "./collectors/kms";
import { collectLambda } from "./collectors/lambda";
import { collectMacie } from "./collectors/macie";
import { collectS3, type BucketRef } from "./collectors/s3";
import { collectSecrets } from "./collectors/secrets-manager";
import { collectSecurityHub } from "./collectors/securityhub";
import { ScanAbortedError, isAbortError } from "./errors";
import { enabledRegions } from "./regions";
import type { AwsSettings } from "./settings";

/** An entered account: its clients (credentials of the Tenfold role) and what the scan learnt. */
export type AccountSession = {
  accountId: string;
  clients: ClientFactory;
  settings: AwsSettings;
  /** AWS calls made with this session, per service (plus `sts` for the AssumeRole that entered it). */
  apiCalls(): Record<string, number>;
  /** s3:ListBuckets result of the last evidence collection (feeds OrgEvidence.bucketOwners). */
  buckets?: BucketRef[];
  /** Buckets the account's trails deliver to (feeds OrgEvidence.logBuckets). */
  trailBuckets?: string[];
};

export type CollectAccountOptions = {
  now: Date;
  signal?: AbortSignal;
  /** Organization analyzers in the Access Analyzer delegated admin (for accounts without their own analyzer). */
  orgAnalyzers?: OrgAnalyzerSource;
  /** Organization trails read from the management account (their selectors are reused for member accounts). */
  organizationTrails?: Trail[];
  /** Injected clock for the credential-report backoff (tests). */
  clock?: Clock;
};

export async function collectAccountEvidence(session: AccountSession, options: CollectAccountOptions): Promise<AccountEvidence> {
  const { settings, clients, accountId } = session;
  clients.signal = options.signal;
  if (options.signal?.aborted) throw new ScanAbortedError();

  const base = { accountId, clients, settings, now: options.now };
  // Global collectors need no Region list: start them (the credential report first) before DescribeRegions.
  const globalCtx: CollectorContext = { ...base, regions: [] };
  const iamP = collectIam(globalCtx, options.clock);
  const item1P = collectItem1(globalCtx);
  const s3P = collectS3(globalCtx);

  let regions: string[];
  try {
    regions = await enabledRegions(clients, settings.regionsAllowList, settings.homeRegion);
  } catch (err) {
    if (isAbortError(err)) {
      await Promise.allSettled([iamP, item1P, s3P]);
      throw err;
    }
    // DescribeRegions denied: scan the allow-list; disabled Regions answer as notApplicable.
    regions = settings.regionsAllowList.length > 0 ? [...settings.regionsAllowList] : [settings.homeRegion];
  }
  const ctx: CollectorContext = { ...base, regions };

  const [iamAll, item1, s3, kmsKeys, trails, item7, sh, gd, eventRules, lambda, ecs, ec2UserData, codebuild, secrets, securityGroups, inspector, ecr, macie] =
    await Promise.all([
      iamP,
      item1P,
      s3P,
      collectKms(ctx),
      collectTrails(ctx, options.organizationTrails),
      collectAccessAnalyzer(ctx, options.orgAnalyzers),
      collectSecurityHub(ctx),
      collectGuardDuty(ctx),
      collectEventRules(clients, regions),
      collectLambda(ctx),
      collectEcs(ctx),
      collectUserData(ctx),
      collectCodeBuild(ctx),
      collectSecrets(ctx),
      collectSecurityGroups(ctx),
      collectInspector(ctx),
      collectEcr(ctx),
      s3P.then((s) => collectMacie(ctx, s.bucketList)),
    ]);
  const resources = { instances: ec2UserData, functions: lambda, repositories: ecr.ecrRepositoryCount };
  const inspectorCriticalFindings = await collectInspectorCriticalFindings(ctx, inspector, resources);
  if (options.signal?.aborted) throw new ScanAbortedError();
  if (s3.bucketList !== undefined) session.buckets = s3.bucketList;
  if (trails.ok) session.trailBuckets = [...new Set(trails.value.map((t) => t.s3BucketName).filter((b): b is string => !!b))];

  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    accountId,
    collectedAt: options.now.toISOString(),
    regions,
    iam: iamAll.iam,
    item1,
    item2: iamAll.item2,
    item3: { lambda, ecs, ec2UserData, codebuild, secrets },
    item4: { securityGroups },
    item5: { accountPublicAccessBlock: s3.accountPublicAccessBlock, buckets: s3.buckets, kmsKeys, macie },
    item6: { trails },
    item7,
    item8: { ...sh, ...gd, eventRules },
    item10: { inspector, ...ecr, inspectorCriticalFindings },
  };
}
