// Shared shapes for the evidence the collectors (lib/aws) hand to scoring.
// Evidence is plain JSON (ISO strings, no Date objects) so a scan can be saved as a test fixture.

/** ISO 8601 timestamp string, e.g. "2026-11-29T10:00:00Z". */
export type IsoDate = string;

/** An AWS call that failed after SDK retries. `code` is the SDK v3 `err.name` (AccessDenied, ThrottlingException, …). */
export type CollectError = {
  code: string;
  message: string;
  /** IAM action that failed, e.g. "iam:GetAccountSummary"; scoring falls back to the check's own action. */
  action?: string;
};

/** Every collected datum: a failed call must become `unknown`, never `pass`. */
export type Collected<T> = { ok: true; value: T } | { ok: false; error: CollectError };

/** Region disabled, opt-in Region not enabled, or the service absent there: dropped from aggregation (checks.md §1.1, §1.4). */
export type NotApplicable = { notApplicable: string };

/** Per-Region data keyed by Region name ("eu-west-1"). */
export type Regional<T> = Record<string, Collected<T> | NotApplicable>;

/** Small constructors so collectors and test fixtures build evidence the same way. */
export const collected = <T>(value: T): Collected<T> => ({ ok: true, value });
export const collectFailed = <T = never>(code: string, message = code, action?: string): Collected<T> => ({
  ok: false,
  error: action === undefined ? { code, message } : { code, message, action },
});
export const notApplicable = (reason: string): NotApplicable => ({ notApplicable: reason });

/** A thrown SDK / Node error as evidence: `code` = SDK v3 `err.name`, or Node's `err.code` (ENOTFOUND) for network errors. */
export const toCollectError = (err: unknown, action?: string): CollectError => {
  const e = (typeof err === "object" && err !== null ? err : {}) as { name?: unknown; code?: unknown; message?: unknown };
  const nodeCode = typeof e.code === "string" && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  const name = typeof e.name === "string" && e.name !== "Error" ? e.name : undefined;
  const code = nodeCode ?? name ?? (typeof e.code === "string" ? e.code : undefined) ?? "UnknownError";
  const message = typeof e.message === "string" ? e.message : typeof err === "string" ? err : code;
  return action === undefined ? { code, message } : { code, message, action };
};

export const isNotApplicable = (v: Collected<unknown> | NotApplicable): v is NotApplicable => "notApplicable" in v;

/** An IAM / S3 / KMS policy document kept as the JSON string AWS returns (URL-decoded); scoring parses it. */
export type PolicyJson = string;

/** S3 Block Public Access flags (account level via s3control:GetPublicAccessBlock, bucket level via s3:GetBucketPublicAccessBlock). */
export type PublicAccessBlock = {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
};

/** One S3 ACL grant (s3:GetBucketAcl → Grants[]). */
export type AclGrant = {
  /** Grantee.URI for group grantees, e.g. "http://acs.amazonaws.com/groups/global/AllUsers". */
  granteeUri?: string;
  /** Grantee.Type: CanonicalUser | AmazonCustomerByEmail | Group. */
  granteeType?: string;
  permission: "FULL_CONTROL" | "WRITE" | "WRITE_ACP" | "READ" | "READ_ACP" | string;
};
