// Credential report state machine (checks.md §12), a pure function over injected IAM calls and a
// clock, so tests drive it without the SDK. Never a tight loop: exponential backoff with jitter.

export type ReportState = "STARTED" | "INPROGRESS" | "COMPLETE" | string;

export type CredentialReportApi = {
  /** iam:GenerateCredentialReport → State. May throw (LimitExceeded = in progress). */
  generate(): Promise<ReportState>;
  /** iam:GetCredentialReport → Content bytes + GeneratedTime. May throw ReportInProgress / NotPresent / Expired. */
  get(): Promise<{ content: Uint8Array | undefined; generatedTime: Date | undefined }>;
};

export type Clock = { now(): number; sleep(ms: number): Promise<void>; random(): number };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** The real clock, with waits cut short (rejecting with an AbortError) when `signal` fires. */
export function abortableClock(signal: AbortSignal | undefined): Clock {
  if (!signal) return realClock;
  return {
    ...realClock,
    sleep: (ms) =>
      new Promise<void>((resolve, reject) => {
        const abort = () => {
          clearTimeout(timer);
          reject(Object.assign(new Error("scan aborted"), { name: "AbortError" }));
        };
        const timer = setTimeout(() => {
          signal.removeEventListener("abort", abort);
          resolve();
        }, ms);
        if (signal.aborted) abort();
        else signal.addEventListener("abort", abort, { once: true });
      }),
  };
}

export class CredentialReportTimeout extends Error {
  override name = "CredentialReportNotReady";
  constructor(budgetMs: number) {
    super(`credential report not ready after ${Math.round(budgetMs / 1000)} s`);
  }
}

const nameOf = (err: unknown): string => (typeof err === "object" && err !== null ? String((err as { name?: unknown }).name ?? "") : "");
const is = (err: unknown, ...names: string[]) => names.includes(nameOf(err));

const LIMIT_EXCEEDED = ["LimitExceeded", "LimitExceededException"];
const IN_PROGRESS = ["ReportInProgress", "CredentialReportNotReadyException"];
const NOT_PRESENT = ["ReportNotPresent", "CredentialReportNotPresentException", "ReportExpired", "CredentialReportExpiredException"];

/** Wait before attempt k: min(base × 2^k, 10 × base) × (0.5 … 1.0). */
export function backoffMs(k: number, baseDelayMs: number, random: number): number {
  const cap = 10 * baseDelayMs;
  const raw = Math.min(baseDelayMs * 2 ** k, cap);
  return Math.round(raw * (0.5 + 0.5 * random));
}

/** Returns the decoded CSV and GeneratedTime, or throws (the IAM error, or CredentialReportTimeout). */
export async function fetchCredentialReport(
  api: CredentialReportApi,
  options: { budgetMs: number; baseDelayMs: number },
  clock: Clock = realClock,
): Promise<{ csv: string; generatedTime: Date | undefined }> {
  const start = clock.now();
  const generate = async (): Promise<ReportState> => {
    try {
      return await api.generate();
    } catch (err) {
      if (is(err, ...LIMIT_EXCEEDED)) return "INPROGRESS";
      throw err;
    }
  };
  let state = await generate();
  for (let k = 0; ; k++) {
    if (state === "COMPLETE") {
      try {
        const r = await api.get();
        return { csv: new TextDecoder().decode(r.content ?? new Uint8Array()), generatedTime: r.generatedTime };
      } catch (err) {
        if (!is(err, ...IN_PROGRESS, ...NOT_PRESENT)) throw err;
        // In progress: wait. Not present / expired: the Generate below starts a new report.
      }
    }
    const wait = backoffMs(k, options.baseDelayMs, clock.random());
    if (clock.now() - start + wait > options.budgetMs) throw new CredentialReportTimeout(options.budgetMs);
    await clock.sleep(wait);
    state = await generate();
  }
}
