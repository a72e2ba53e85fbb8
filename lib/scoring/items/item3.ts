import type { AccountEvidence, Regional, SecretMetadata, SecretScan } from "../evidence";
import { isNotApplicable } from "../evidence";
import type { CheckId } from "../catalogue";
import type { CheckContext } from "../context";
import type { CheckResult, ResourceRef } from "../types";
import { evaluateRegional, type RegionVerdict } from "../helpers/regional";
import { plural, result } from "../helpers/result";
import { ageDays, fmtDays } from "../helpers/time";
import { SECRETS_SCAN_IGNORE_TAG } from "../secrets/patterns";

// Item 3 — no hard-coded secrets (checks.md §4). Evidence holds detector hits only (location, kind,
// confidence, salted hash); resource details repeat those, never a value.

const TAG = `${SECRETS_SCAN_IGNORE_TAG.key}=${SECRETS_SCAN_IGNORE_TAG.value}`;

const scanVerdict = (scan: SecretScan, kind: string, noun: string): RegionVerdict => {
  const unreadable = scan.flagged.filter((r) => r.error !== undefined).length;
  // Collectors leave unreadable resources out of `scanned` (they sit in `flagged` with an error): the
  // readable share is `scanned` itself, so an unreadable resource is counted once.
  const readable = scan.scanned;
  const coverage = scan.total > readable ? { readable, of: scan.total } : undefined;
  // A tagged resource's hits count like any other: the tag asks for an exception, it does not grant one.
  const tagged = scan.flagged.filter((r) => r.ignoreTag && r.hits.length > 0).length;
  const refs = (confidence: "high" | "medium"): ResourceRef[] =>
    scan.flagged.flatMap((r) =>
      r.hits
        .filter((h) => h.confidence === confidence)
        .map((h) => ({ kind, id: r.arn, detail: `${h.name ?? h.location}: ${h.kind} (${h.confidence}) #${h.hash}${r.ignoreTag ? ` [tagged ${TAG}]` : ""}` })),
    );
  const attempted = scan.scanned + unreadable;
  const note = [
    unreadable > 0 ? `${plural(unreadable, noun)} unreadable` : "",
    attempted < scan.total ? `${attempted} of ${scan.total} scanned` : "",
    tagged > 0 ? `${plural(tagged, noun)} tagged ${TAG}: needs an approved exception` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const suffix = note ? ` (${note})` : "";
  const high = refs("high");
  if (high.length > 0) return { result: "fail", reason: `${plural(high.length, "high-confidence secret")} in ${noun} settings${suffix}`, resources: high, ...(coverage && { coverage }) };
  const medium = refs("medium");
  if (medium.length > 0) return { result: "warn", reason: `${plural(medium.length, "possible secret")} in ${noun} settings${suffix}`, resources: medium, ...(coverage && { coverage }) };
  if (scan.total > 0 && readable === 0) return { result: "unknown", reason: `no ${noun} could be read${suffix}` };
  return { result: "pass", reason: scan.total === 0 ? `no ${noun}s` : `no secrets found${suffix}`, ...(coverage && { coverage }) };
};

const scanCheck = (id: CheckId, regional: Regional<SecretScan>, action: string, kind: string, noun: string): CheckResult =>
  evaluateRegional(id, regional, action, (scan) => scanVerdict(scan, kind, noun), { noneApplicable: "no Region scanned" });

/** The four scan checks and the evidence each reads (also used to find tagged resources, below). */
const SCAN_CHECKS = [
  { id: "i3.lambda_env_secrets", key: "lambda" },
  { id: "i3.ecs_env_secrets", key: "ecs" },
  { id: "i3.ec2_userdata_secrets", key: "ec2UserData" },
  { id: "i3.codebuild_plaintext_secrets", key: "codebuild" },
] as const satisfies readonly { id: CheckId; key: keyof AccountEvidence["item3"] }[];

/** A tagged resource with hits: the scan opens a pending exception for it (lib/scan), scoring stays pure. */
export type TagExceptionRequest = { checkId: CheckId; resourceId: string; region: string; tag: string; hits: number; kinds: string[] };

/** Every resource tagged tenfold:secrets-scan=ignore that has detector hits, once per check and resource. */
export const tagExceptionRequests = (ev: AccountEvidence): TagExceptionRequest[] => {
  const out = new Map<string, TagExceptionRequest>();
  for (const { id, key } of SCAN_CHECKS)
    for (const [region, entry] of Object.entries(ev.item3[key]))
      if (!isNotApplicable(entry) && entry.ok)
        for (const r of entry.value.flagged)
          if (r.ignoreTag && r.hits.length > 0 && !out.has(`${id} ${r.arn}`))
            out.set(`${id} ${r.arn}`, { checkId: id, resourceId: r.arn, region, tag: TAG, hits: r.hits.length, kinds: [...new Set(r.hits.map((h) => h.kind))] });
  return [...out.values()];
};

export const evaluateLambdaEnvSecrets = (ev: AccountEvidence, _ctx: CheckContext) =>
  scanCheck("i3.lambda_env_secrets", ev.item3.lambda, "lambda:ListFunctions", "lambda-function", "function");
export const evaluateEcsEnvSecrets = (ev: AccountEvidence, _ctx: CheckContext) =>
  scanCheck("i3.ecs_env_secrets", ev.item3.ecs, "ecs:DescribeTaskDefinition", "ecs-task-definition", "task definition");
export const evaluateEc2UserDataSecrets = (ev: AccountEvidence, _ctx: CheckContext) =>
  scanCheck("i3.ec2_userdata_secrets", ev.item3.ec2UserData, "ec2:DescribeInstanceAttribute", "ec2-user-data", "instance");
export const evaluateCodebuildPlaintextSecrets = (ev: AccountEvidence, _ctx: CheckContext) =>
  scanCheck("i3.codebuild_plaintext_secrets", ev.item3.codebuild, "codebuild:BatchGetProjects", "codebuild-project", "project");

const rotationVerdict = (secrets: SecretMetadata[], ctx: CheckContext): RegionVerdict => {
  const own = secrets.filter((s) => s.owningService === undefined && s.deletedDate === undefined);
  if (own.length === 0) return { result: "not_applicable", reason: "no secrets" };
  const failing: ResourceRef[] = [];
  const warning: ResourceRef[] = [];
  for (const s of own) {
    const ref = (detail: string): ResourceRef => ({ kind: "secret", id: s.arn, detail: `${s.name}: ${detail}` });
    if (s.rotationEnabled && s.nextRotationDate !== undefined && ageDays(s.nextRotationDate, ctx.nowMs) > ctx.config.secretRotationGraceDays) {
      failing.push(ref(`rotation overdue since ${s.nextRotationDate.slice(0, 10)} (rotation failing)`));
      continue;
    }
    if (!s.rotationEnabled) {
      warning.push(ref("rotation not enabled"));
      continue;
    }
    const last = s.lastRotatedDate ?? s.createdDate;
    if (last !== undefined && ageDays(last, ctx.nowMs) > ctx.config.secretMaxAgeDays) warning.push(ref(`not rotated for ${fmtDays(ageDays(last, ctx.nowMs))}`));
  }
  if (failing.length > 0) return { result: "fail", reason: `${plural(failing.length, "secret")} failing rotation`, resources: failing };
  if (warning.length > 0) return { result: "warn", reason: `${plural(warning.length, "secret")} not rotated automatically within ${ctx.config.secretMaxAgeDays} d`, resources: warning };
  return { result: "pass", reason: `${plural(own.length, "secret")} rotating` };
};

export const evaluateSecretsRotation = (ev: AccountEvidence, ctx: CheckContext) =>
  evaluateRegional("i3.secrets_rotation", ev.item3.secrets, "secretsmanager:ListSecrets", (s) => rotationVerdict(s, ctx), { noneApplicable: "no secrets" });

/** Informational: references to a secret store are positive evidence; absence is not penalised. */
export const evaluateSecretStoreInUse = (ev: AccountEvidence, _ctx: CheckContext): CheckResult => {
  const id = "i3.secret_store_in_use";
  let references = 0;
  let storedSecrets = 0;
  let readable = 0;
  for (const regional of [ev.item3.lambda, ev.item3.ecs, ev.item3.ec2UserData, ev.item3.codebuild])
    for (const entry of Object.values(regional))
      if (!isNotApplicable(entry) && entry.ok) {
        readable++;
        references += entry.value.references;
      }
  for (const entry of Object.values(ev.item3.secrets))
    if (!isNotApplicable(entry) && entry.ok) {
      readable++;
      storedSecrets += entry.value.filter((s) => s.deletedDate === undefined).length;
    }
  if (references + storedSecrets > 0)
    return result(id, "pass", `${plural(references, "secret-store reference")}, ${plural(storedSecrets, "Secrets Manager secret")}`);
  if (readable === 0) return result(id, "unknown", "no workload configuration could be read");
  return result(id, "not_applicable", "no secret-store references found");
};

export const scoreItem3 = (ev: AccountEvidence, ctx: CheckContext): CheckResult[] => [
  evaluateLambdaEnvSecrets(ev, ctx),
  evaluateEcsEnvSecrets(ev, ctx),
  evaluateEc2UserDataSecrets(ev, ctx),
  evaluateCodebuildPlaintextSecrets(ev, ctx),
  evaluateSecretsRotation(ev, ctx),
  evaluateSecretStoreInUse(ev, ctx),
];
