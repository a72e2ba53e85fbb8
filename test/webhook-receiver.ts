// A local webhook receiver for tests: records every request and answers from a plan (status per
// attempt, optional hold before answering), on 127.0.0.1 and a free port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { body: unknown; receivedAt: number; answeredAt: number | null; status: number };
export type ReceiverPlan = { statuses: number[]; holdMs?: number };

export type WebhookReceiver = {
  url: string;
  requests: ReceivedRequest[];
  /** Answers the next requests with these statuses (then 200), each after holdMs. Clears the recorded requests. */
  reset: (plan?: ReceiverPlan) => void;
  /** Resolves once `count` requests have been answered. */
  waitForAnswers: (count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let plan: ReceiverPlan = { statuses: [] };
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = plan.statuses[requests.length] ?? 200;
      const entry: ReceivedRequest = { body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null"), receivedAt: Date.now(), answeredAt: null, status };
      requests.push(entry);
      setTimeout(() => {
        entry.answeredAt = Date.now();
        response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "no");
      }, plan.holdMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    reset: (next = { statuses: [] }) => {
      plan = next;
      requests.length = 0;
    },
    waitForAnswers: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (requests.filter((entry) => entry.answeredAt !== null).length < count) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: ${requests.length} requests, fewer than ${count} answered in time`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return [...requests];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
