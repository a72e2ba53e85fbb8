// The after-scan webhook with real scans of a sandbox organisation: a scheduled scan that makes an
// account worse is announced with the account and its owner; a failing receiver gets it on a later
// try; and the scan is finished before the webhook's first answer.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scans } from "@/db/schema";
import { getScanChanges } from "@/db/store/scan-changes";
import { addAccount, createScenario } from "@/sandbox/scenario/builder";
import { startScanHarness, type ScanHarness } from "@/test/scan-harness";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhook-receiver";
import type { SlackMessage } from "@/lib/notify/scan-summary";
import { createScanNotifier } from "./scan-notifier";
import { requestScan } from "./request-scan";
import { waitForScan } from "./wait";

const scenario = createScenario();
const payments = addAccount(scenario, { name: "payments-prod", tags: { owner: "team-payments" } });
const shared = addAccount(scenario, { name: "shared-services", tags: { owner: "team-platform" } });

let receiver: WebhookReceiver;
let harness: ScanHarness;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  harness = await startScanHarness({
    scenario,
    env: { TENFOLD_REGIONS: "us-east-1", TENFOLD_WEBHOOK_URL: receiver.url },
    webhookRetry: { delaysMs: [100, 200, 400], timeoutMs: 10_000 },
  });
});
afterAll(async () => {
  await harness?.stop();
  await receiver?.close();
});

const loseRootMfa = (accountId: string) =>
  harness.sandbox.update((s) => {
    s.accounts[accountId]!.iam.root.mfa = "none";
  });

describe("after each scheduled scan", () => {
  it("posts the regressions, naming the regressed account and its owner", async () => {
    receiver.reset();
    await harness.scan({ trigger: "schedule" }); // the baseline: nothing to compare with, nothing to say
    loseRootMfa(payments.id);
    await harness.scan({ trigger: "schedule" });
    const [request] = await receiver.waitForAnswers(1);
    expect(receiver.requests).toHaveLength(1);
    const message = request!.body as SlackMessage;
    expect(message.text).toMatch(/^Tenfold: scheduled scan of .*: 1 account regressed/);
    expect(message.text).toContain("Regressions:");
    expect(message.text).toMatch(new RegExp(`• payments-prod \\(${payments.id}\\), owner team-payments: \\d+ → \\d+ \\(-\\d+\\)`));
    expect(message.text).not.toContain("shared-services");
    expect(message.blocks.length).toBeGreaterThan(1);
  });

  it("reaches a receiver that answers 500 twice on the third try, and the scan does not wait for it", async () => {
    receiver.reset({ statuses: [500, 500, 200], holdMs: 2000 });
    loseRootMfa(shared.id);
    const { scanId } = await requestScan(harness.runtime, { trigger: "cron" });
    const progress = await waitForScan(harness.connection.db, scanId, { timeoutMs: 120_000, pollMs: 50 });
    // Finished while the webhook's first answer is still held back by the receiver.
    expect(progress.state).toBe("succeeded");
    expect(receiver.requests.filter((entry) => entry.answeredAt !== null)).toHaveLength(0);
    const [scan] = await harness.connection.db.select({ finishedAt: scans.finishedAt }).from(scans).where(eq(scans.id, scanId));

    const requests = await receiver.waitForAnswers(3, 30_000);
    expect(requests.map((entry) => entry.status)).toEqual([500, 500, 200]);
    expect(scan!.finishedAt!.getTime()).toBeLessThanOrEqual(requests[0]!.answeredAt!);
    const message = requests[2]!.body as SlackMessage;
    expect(requests[0]!.body).toEqual(message);
    expect(message.text).toContain(`• shared-services (${shared.id}), owner team-platform:`);
  });

  it("stays quiet for scans that were not scheduled (CLI, rescan, backfill)", async () => {
    harness.sandbox.update((s) => {
      s.accounts[payments.id]!.iam.root.mfa = "hardware";
    });
    await harness.scan({ trigger: "cli" });
    loseRootMfa(payments.id);
    const cli = await harness.scan({ trigger: "cli" });
    const changes = await getScanChanges(harness.connection.db, cli.scanId, { now: new Date(), expiringWithinDays: 14 });
    expect(changes?.regressions.map((row) => row.accountId)).toEqual([payments.id]);
    receiver.reset();
    // The listener the runtime calls un-awaited, awaited here: a CLI scan with a regression sends nothing.
    await createScanNotifier({ db: harness.connection.db, webhookUrl: receiver.url })(cli.scanId);
    expect(receiver.requests).toHaveLength(0);
  });
});
