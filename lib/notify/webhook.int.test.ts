// The webhook sender against a real local HTTP server: retries 5xx and network errors with backoff,
// gives up on a 4xx, never throws.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import { postWebhook } from "./webhook";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

const quiet = { delaysMs: [20, 40, 80], log: () => undefined };

describe("postWebhook", () => {
  it("delivers on the third try after two 500s, waiting longer before each retry", async () => {
    receiver.reset({ statuses: [500, 500, 200] });
    const logged: string[] = [];
    const outcome = await postWebhook(receiver.url, { text: "hello" }, { ...quiet, log: (line) => logged.push(line) });
    expect(outcome).toEqual({ delivered: true, attempts: 3, status: 200, error: null });
    expect(receiver.requests.map((entry) => entry.body)).toEqual([{ text: "hello" }, { text: "hello" }, { text: "hello" }]);
    expect(logged).toEqual(["webhook: attempt 1 failed (HTTP 500); retrying in 20 ms", "webhook: attempt 2 failed (HTTP 500); retrying in 40 ms"]);
  });

  it("retries 429 but gives up at once on another 4xx", async () => {
    receiver.reset({ statuses: [429, 404] });
    expect(await postWebhook(receiver.url, { text: "x" }, quiet)).toEqual({ delivered: false, attempts: 2, status: 404, error: "HTTP 404" });
    expect(receiver.requests).toHaveLength(2);
  });

  it("stops after the last retry and reports, without throwing, when nothing answers", async () => {
    const logged: string[] = [];
    const outcome = await postWebhook("http://127.0.0.1:9/unreachable", { text: "x" }, { delaysMs: [10, 10], log: (line) => logged.push(line) });
    expect(outcome).toMatchObject({ delivered: false, attempts: 3, status: null });
    expect(logged.at(-1)).toMatch(/^webhook: giving up after 3 attempt\(s\)/);
  });

  it("times an attempt out and retries it", async () => {
    receiver.reset({ statuses: [200], holdMs: 300 });
    const outcome = await postWebhook(receiver.url, { text: "slow" }, { delaysMs: [10], timeoutMs: 100, log: () => undefined });
    expect(outcome.delivered).toBe(false);
    expect(outcome.attempts).toBe(2);
  });
});
