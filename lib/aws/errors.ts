// Error classification (checks.md §1.4): every SDK error becomes a `Collected` failure carrying
// `err.name` and the IAM action; Region-disabled answers become `notApplicable`.
import {
  collectFailed,
  notApplicable,
  toCollectError,
  type Collected,
  type NotApplicable,
} from "@/lib/scoring/evidence";

/** Could not get into an account (AssumeRole denied, role missing, ExternalId mismatch…): its checks are not run. */
export class AccountEntryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly accountId?: string,
  ) {
    super(message);
    this.name = "AccountEntryError";
  }
}

/** Thrown when a scan's AbortSignal fires. */
export class ScanAbortedError extends Error {
  override name = "AbortError";
  constructor(message = "scan aborted") {
    super(message);
  }
}

const ACTION = Symbol.for("tenfold.aws.action");

/** Attach the IAM action to an error thrown by one call (the first action wins). */
export function withAction(err: unknown, action: string): unknown {
  if (typeof err === "object" && err !== null && !(ACTION in err)) {
    try {
      Object.defineProperty(err, ACTION, { value: action, enumerable: false });
    } catch {
      /* frozen error: keep the default action */
    }
  }
  return err;
}

export function actionOf(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && ACTION in err) return (err as Record<symbol, string>)[ACTION];
  return undefined;
}

/** Run one AWS call and tag any failure with its IAM action. */
export async function call<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw withAction(err, action);
  }
}

export function errorName(err: unknown): string {
  return toCollectError(err).code;
}

/** SDK v3 names (and wire codes) that mean "this Region is not enabled for the account / the service is absent there". */
const REGION_DISABLED = new Set(["UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "ENOTFOUND", "EAI_AGAIN"]);

export function isRegionDisabledError(err: unknown): boolean {
  const c = toCollectError(err).code;
  return REGION_DISABLED.has(c);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof ScanAbortedError || (typeof err === "object" && err !== null && (err as { name?: string }).name === "AbortError");
}

/** A failed account-wide (GLOBAL) call → Collected error. */
export function failed<T>(err: unknown, defaultAction: string): Collected<T> {
  // An account that could not be entered fails with AWS's code (AccessDenied…), not the wrapper's name.
  if (err instanceof AccountEntryError) return collectFailed<T>(err.code, err.message, actionOf(err) ?? defaultAction);
  const e = toCollectError(err, actionOf(err) ?? defaultAction);
  return collectFailed<T>(e.code, e.message, e.action);
}

/** A failed regional call → notApplicable when the Region is disabled, else a Collected error. */
export function regionalFailure<T>(err: unknown, defaultAction: string, region: string): Collected<T> | NotApplicable {
  if (isRegionDisabledError(err)) return notApplicable(`Region ${region} not enabled or service unavailable (${errorName(err)})`);
  return failed<T>(err, defaultAction);
}

/** Wrap a whole GLOBAL collection into Collected. Abort errors propagate. */
export async function attempt<T>(defaultAction: string, fn: () => Promise<T>): Promise<Collected<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (isAbortError(err)) throw err;
    return failed<T>(err, defaultAction);
  }
}

/** Names of the SDK's "not found" errors that are the answer (checks.md §1.4). */
export function isNotFound(err: unknown, ...names: string[]): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } } | null;
  return typeof e === "object" && e !== null && (names.includes(e.name ?? "") || names.includes(e.Code ?? ""));
}

/** CollectError of one failed per-resource call (for ScannedResource.error). */
export function toCollectErrorWithAction(err: unknown, defaultAction: string): { code: string; message: string; action?: string } {
  return toCollectError(err, actionOf(err) ?? defaultAction);
}

/** Re-raise a recorded CollectError (e.g. a dependent call that cannot run because its input failed). */
export function errorFrom(e: { code: string; message: string; action?: string }): Error {
  const err = Object.assign(new Error(e.message), { name: e.code });
  if (e.action !== undefined) withAction(err, e.action);
  return err;
}
