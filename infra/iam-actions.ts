// SDK calls → IAM actions, and whether a role's policies grant them. Used by the IAM template tests: the
// operations come from a real scan (lib/aws onApiCall), the grants from the shipped templates plus
// SecurityAudit (./security-audit-v91.json), so a new call without a permission fails a test.

/** lib/aws service key → IAM service prefix, where they differ (the rest are equal). */
const PREFIX: Record<string, string> = { accessanalyzer: "access-analyzer", eventbridge: "events", s3control: "s3" };

/**
 * Operations whose IAM action is not `<prefix>:<Operation>` (Service Authorization Reference and each API
 * page's "you must have permission" line). `null`: the call needs no permission.
 */
const EXCEPTIONS: Record<string, string | null> = {
  "s3:ListBuckets": "s3:ListAllMyBuckets",
  "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
  "s3:GetObjectLockConfiguration": "s3:GetBucketObjectLockConfiguration",
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:HeadBucket": "s3:ListBucket",
  "s3control:GetPublicAccessBlock": "s3:GetAccountPublicAccessBlock",
  "accessanalyzer:ListFindingsV2": "access-analyzer:ListFindings", // "ListFindings and ListFindingsV2 both use access-analyzer:ListFindings"
  "sts:GetCallerIdentity": null, // works even when explicitly denied
};

/** The IAM action a call needs, or null when it needs none. */
export function iamActionFor(service: string, operation: string): string | null {
  const key = `${service}:${operation}`;
  if (key in EXCEPTIONS) return EXCEPTIONS[key] ?? null;
  return `${PREFIX[service] ?? service}:${operation}`;
}

/** IAM Action matching: `*` any run, `?` one character, prefix and name case-insensitive (IAM User Guide, "Action"). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "i").test(action);
}

export const isGranted = (action: string, grants: readonly string[]) => grants.some((pattern) => actionMatches(pattern, action));

export type ApiCall = { service: string; operation: string; scope: string };

export type RoleGrants = { member: readonly string[]; scanner: readonly string[] };

/**
 * Calls a role would be denied. sts:AssumeRole is the scanner's; other organisation-level calls ("org"
 * scope) may run with the scanner's credentials or a member role, so both must grant them; calls made
 * inside an account run with the member role.
 */
export function ungrantedCalls(calls: readonly ApiCall[], grants: RoleGrants): string[] {
  const out = new Set<string>();
  for (const { service, operation, scope } of calls) {
    const action = iamActionFor(service, operation);
    if (action === null) continue;
    const roles: (keyof RoleGrants)[] = action === "sts:AssumeRole" ? ["scanner"] : scope === "org" ? ["scanner", "member"] : ["member"];
    for (const role of roles) if (!isGranted(action, grants[role])) out.add(`${role} role lacks ${action} (${service} ${operation})`);
  }
  return [...out].sort();
}
