// Posts a JSON message to a webhook, retrying with exponential backoff. Never throws: the caller runs
// after a scan has finished and nothing here may reach back into it.

export type WebhookRetryOptions = {
  /** Wait before each retry; its length is the number of retries (default 1 s, 2 s, 4 s, 8 s). */
  delaysMs?: readonly number[];
  /** Per attempt, connecting included. */
  timeoutMs?: number;
};

export type WebhookOutcome = { delivered: boolean; attempts: number; status: number | null; error: string | null };

const DEFAULT_DELAYS_MS = [1000, 2000, 4000, 8000] as const;
// A Retry-After beyond this is not waited for in full: the next scan's summary will come anyway.
const MAX_RETRY_AFTER_MS = 60_000;

/** 5xx, 429 (too many requests) and 408 (timeout) may pass on a later try; any other 4xx will not. */
const isRetryable = (status: number) => status >= 500 || status === 429 || status === 408;

export async function postWebhook(
  url: string,
  payload: unknown,
  options: WebhookRetryOptions & { log?: (message: string) => void } = {},
): Promise<WebhookOutcome> {
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  const log = options.log ?? ((message: string) => console.error(message));
  const body = JSON.stringify(payload);
  let last: WebhookOutcome = { delivered: false, attempts: 0, status: null, error: null };
  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    let retryAfterMs = 0;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        redirect: "error",
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { delivered: true, attempts: attempt, status: response.status, error: null };
      last = { delivered: false, attempts: attempt, status: response.status, error: `HTTP ${response.status}` };
      if (!isRetryable(response.status)) break;
      retryAfterMs = Math.min(MAX_RETRY_AFTER_MS, (Number(response.headers.get("retry-after")) || 0) * 1000);
    } catch (error) {
      last = { delivered: false, attempts: attempt, status: null, error: (error as Error).message };
    }
    const delay = delays[attempt - 1];
    if (delay === undefined) break;
    log(`webhook: attempt ${attempt} failed (${last.error}); retrying in ${Math.max(delay, retryAfterMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, Math.max(delay, retryAfterMs)));
  }
  log(`webhook: giving up after ${last.attempts} attempt(s): ${last.error}`);
  return last;
}
