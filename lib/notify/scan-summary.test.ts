import { describe, expect, it } from "vitest";
import type { ScanChanges } from "@/db/store/scan-changes";
import { formatScanSummary } from "./scan-summary";

const scan: ScanChanges["scan"] = { id: "5b0c7a3e-0000-4000-8000-000000000001", trigger: "schedule", state: "succeeded", asOf: new Date("2026-11-29T06:00:00Z"), accountsTotal: 3, accountsFailed: 0 };
const empty: ScanChanges = { scan, regressions: [], newRedItems: [], expiringExceptions: [] };
const options = { expiringWithinDays: 14 };

describe("scan summary message", () => {
  it("is null when there is nothing to report", () => {
    expect(formatScanSummary(empty, options)).toBeNull();
  });

  it("names each regressed account with its owner and score change, in the fallback text and the blocks", () => {
    const message = formatScanSummary(
      {
        ...empty,
        regressions: [{ accountId: "111111111111", name: "payments-prod", owner: "team-payments", previous: 91.6, current: 70.2 }],
        newRedItems: [{ accountId: "111111111111", name: "payments-prod", owner: "team-payments", item: 2, score: 40, explanation: "root has no MFA" }],
        expiringExceptions: [{ id: "e1", accountId: "222222222222", name: "legacy", owner: null, checkId: "i4.sg_admin_ports_open", resourceId: "sg-1", expiresAt: new Date("2026-12-05T00:00:00Z") }],
      },
      { ...options, baseUrl: "https://tenfold.example.com/" },
    )!;
    expect(message.text.split("\n")).toEqual([
      "Tenfold: scheduled scan of 2026-11-29 06:00 UTC: 1 account regressed, 1 item turned red, 1 exception expires within 14 days.",
      "Regressions:",
      "• payments-prod (111111111111), owner team-payments: 91 → 70 (-21)",
      "Items newly red:",
      "• payments-prod (111111111111), owner team-payments: item 2 Use multi-factor authentication (MFA), score 40: root has no MFA",
      "Exceptions expiring within 14 days:",
      "• legacy (222222222222), owner not tagged: i4.sg_admin_ports_open on sg-1 expires 2026-12-05",
      `Details: https://tenfold.example.com/scans#scan-${scan.id}`,
    ]);
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Tenfold: scheduled scan of 2026-11-29 06:00 UTC" } });
    expect(JSON.stringify(message.blocks)).toContain("payments-prod (111111111111), owner team-payments: 91 → 70");
    expect(message.blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: `<https://tenfold.example.com/scans#scan-${scan.id}|Open the scan in Tenfold>` }] });
  });

  it("escapes Slack markup in names so an account cannot ping a channel", () => {
    const message = formatScanSummary({ ...empty, regressions: [{ accountId: "111111111111", name: "<!channel> & co", owner: "<@U1>", previous: 80, current: 60 }] }, options)!;
    expect(message.text).toContain("&lt;!channel&gt; &amp; co (111111111111), owner &lt;@U1&gt;");
    expect(JSON.stringify(message)).not.toContain("<!channel>");
  });

  it("caps long lists and keeps every section under Slack's limit", () => {
    const regressions = Array.from({ length: 40 }, (_, i) => ({ accountId: String(100000000000 + i), name: `account-${i}-${"x".repeat(200)}`, owner: "team", previous: 90, current: 50 }));
    const message = formatScanSummary({ ...empty, regressions }, options)!;
    expect(message.text).toContain("…and 25 more");
    for (const block of message.blocks) if (block.type === "section") expect(block.text.text.length).toBeLessThanOrEqual(3000);
  });
});
