// The after-scan webhook message (Slack-compatible: `text` is the complete fallback, `blocks` the rich
// layout). Pure: the caller reads the changes and sends the result.
import type { ScanChanges } from "@/db/store/scan-changes";
import { shownScore } from "@/lib/format";
import { ITEMS } from "@/lib/scoring/catalogue";

export type SlackMessage = { text: string; blocks: SlackBlock[] };
type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] };

/** Lines per list: a webhook summarises, the dashboard has the rest. */
const MAX_LINES = 15;
// Slack limits a section's text to 3000 characters.
const MAX_SECTION = 3000;

// Slack reads &, < and > as markup (<!channel>, links): account names and reasons must not be.
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const round = (score: number | null) => (score === null ? "—" : String(shownScore(score)));
const who = (row: { name: string; accountId: string; owner: string | null }) => `${row.name} (${row.accountId}), owner ${row.owner ?? "not tagged"}`;
const itemTitle = (item: number) => ITEMS.find((entry) => entry.item === item)?.title ?? `item ${item}`;

function capped(lines: string[]): string[] {
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `…and ${lines.length - MAX_LINES} more`] : lines;
}

/** The message for one finished scan, or null when it has nothing to report (no regression, new red item or expiring exception). */
export function formatScanSummary(changes: ScanChanges, options: { expiringWithinDays: number; baseUrl?: string }): SlackMessage | null {
  const { scan, regressions, newRedItems, expiringExceptions } = changes;
  if (regressions.length + newRedItems.length + expiringExceptions.length === 0) return null;
  const when = `${scan.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const headline = `Tenfold: scheduled scan of ${when}: ${plural(regressions.length, "account regressed", "accounts regressed")}, ${plural(newRedItems.length, "item turned red", "items turned red")}, ${plural(expiringExceptions.length, "exception expires", "exceptions expire")} within ${options.expiringWithinDays} days.`;
  const groups: { title: string; lines: string[] }[] = [
    {
      title: "Regressions",
      lines: regressions.map((row) => `• ${who(row)}: ${round(row.previous)} → ${round(row.current)} (${shownScore(row.current) - shownScore(row.previous)})`),
    },
    {
      title: "Items newly red",
      lines: newRedItems.map((row) => `• ${who(row)}: item ${row.item} ${itemTitle(row.item)}, score ${round(row.score)}: ${row.explanation}`),
    },
    {
      title: `Exceptions expiring within ${options.expiringWithinDays} days`,
      lines: expiringExceptions.map((row) => `• ${who(row)}: ${row.checkId}${row.resourceId ? ` on ${row.resourceId}` : ""} expires ${row.expiresAt.toISOString().slice(0, 10)}`),
    },
  ].filter((group) => group.lines.length > 0);
  const link = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}/scans#scan-${scan.id}` : null;

  const text = [headline, ...groups.flatMap((group) => [`${group.title}:`, ...capped(group.lines)]), ...(link ? [`Details: ${link}`] : [])].map(escape).join("\n");
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: `Tenfold: scheduled scan of ${when}` } },
    { type: "section", text: { type: "mrkdwn", text: escape(headline) } },
    ...groups.map((group): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text: sectionText(`*${escape(group.title)}*`, capped(group.lines).map(escape)) } })),
    ...(link ? [{ type: "context", elements: [{ type: "mrkdwn", text: `<${escape(link)}|Open the scan in Tenfold>` }] } satisfies SlackBlock] : []),
  ];
  return { text, blocks };
}

// Whole lines only: a line cut in half could cut an escape sequence.
function sectionText(title: string, lines: string[]): string {
  let text = title;
  for (const line of lines) {
    if (text.length + line.length + 1 > MAX_SECTION - 20) return `${text}\n…`;
    text += `\n${line}`;
  }
  return text;
}
