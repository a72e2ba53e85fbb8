// The review as a Markdown meeting note: the same numbers as the page (integer scores, signed changes).
import { ITEM_SHORT } from "@/components/scorecard/item-labels";
import { formatDelta, formatPercent, formatScore } from "@/lib/format";
import { shownChange, topMovers } from "./movers";
import type { CheckChangeRow, ExpiryRow, Review } from "./types";

/** Lists longer than this end with "…and N more"; the CSV and JSON exports carry every row. */
export const MARKDOWN_MAX_ROWS = 50;

/**
 * Text from AWS or a person as inert Markdown in a table cell. Raw HTML and <…> autolinks cannot start
 * without "<", links, images and link definitions without "[": those become entities and backslash escapes
 * (the entity form for "<" and ">" because the original Markdown.pl does not take "\<"), so the only links
 * a renderer can still make are its own autolinks of bare http(s) and www addresses (and e-mail addresses,
 * as mailto:). "&" is escaped only where it would start an entity, "|" and line breaks would end the cell.
 * Block syntax cannot start inside a table row.
 */
const inertCell = (value: string | null | undefined): string =>
  (value ?? "—")
    .replace(/\\/g, "\\\\")
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[[\]|]/g, "\\$&")
    .replace(/[\r\n]+/g, " ")
    .trim() || "—";
const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : "—");

function table(header: string[], rows: string[][], total = rows.length): string[] {
  if (rows.length === 0) return ["None."];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`, ...rows.slice(0, MARKDOWN_MAX_ROWS).map((row) => `| ${row.map(inertCell).join(" | ")} |`)];
  const more = total - Math.min(rows.length, MARKDOWN_MAX_ROWS);
  return more > 0 ? [...lines, "", `…and ${more} more (see the CSV export).`] : lines;
}

export const resourceLabel = (row: Pick<CheckChangeRow, "resource">): string =>
  row.resource ? `${row.resource.id}${row.resource.region ? ` (${row.resource.region})` : ""}${row.resource.detail ? ` — ${row.resource.detail}` : ""}` : "(the check as a whole)";

const checkRows = (rows: CheckChangeRow[]) => rows.map((row) => [row.accountName, row.owner ?? "—", `${row.checkTitle} (${row.checkId})`, row.severity, resourceLabel(row)]);
const expiryRows = (rows: ExpiryRow[]) => rows.map((row) => [day(row.expiresAt), row.kind, row.accountName, row.owner ?? "—", row.checkId + (row.resourceId ? ` / ${row.resourceId}` : ""), row.by, row.text]);

export function reviewMarkdown(review: Review): string {
  const { from, to } = review.period;
  const { regressed, improved } = topMovers(review.accounts);
  const moverRows = (rows: typeof regressed) => rows.map((row) => [row.name, row.owner ?? "—", formatScore(row.from), formatScore(row.to), formatDelta(shownChange(row))]);
  const lines = [
    `# Security review: ${from} → ${to}`,
    "",
    `${review.scope === "own" ? "Score of your accounts" : "Organisation score"}: **${formatScore(review.org.from)} → ${formatScore(review.org.to)}** (${formatDelta(shownChange(review.org))}); ${review.org.accountsTo} accounts scored on ${to}.`,
    "",
    "## The ten items",
    "",
    ...table(
      ["Item", from, to, "Change", "Accounts passing"],
      review.items.map((item) => [`${item.item}. ${ITEM_SHORT[item.item] ?? ""}`, formatScore(item.from), formatScore(item.to), formatDelta(shownChange(item)), `${formatPercent(item.passRateFrom)} → ${formatPercent(item.passRateTo)}`]),
    ),
    "",
    "## Accounts that regressed most",
    "",
    ...table(["Account", "Owner", from, to, "Change"], moverRows(regressed)),
    "",
    "## Accounts that improved most",
    "",
    ...table(["Account", "Owner", from, to, "Change"], moverRows(improved)),
    "",
    `## Newly failing (${review.checks.newlyFailing.length})`,
    "",
    ...table(["Account", "Owner", "Check", "Severity", "Resource"], checkRows(review.checks.newlyFailing)),
    "",
    `## Newly fixed (${review.checks.fixed.length})`,
    "",
    ...table(["Account", "Owner", "Check", "Severity", "Resource"], checkRows(review.checks.fixed)),
    ...(review.checks.accountsPruned > 0 ? ["", `${review.checks.accountsPruned} accounts could not be compared check by check: their raw results for ${from} were pruned (retention); the scores above still compare.`] : []),
    "",
    `## Expiring by ${day(review.expiringWindow.end)} (${review.expiring.length})`,
    "",
    ...table(["Expires", "Kind", "Account", "Owner", "Check", "By", "Reason"], expiryRows(review.expiring)),
    "",
    `## Expired since ${from} (${review.expired.length})`,
    "",
    ...table(["Expired", "Kind", "Account", "Owner", "Check", "By", "Reason"], expiryRows(review.expired)),
    "",
    `## Stale or unreachable accounts (${review.stale.length})`,
    "",
    ...table(
      ["Account", "Owner", "State", "Last good scan", "Error"],
      review.stale.map((row) => [row.name, row.owner ?? "—", row.kind, day(row.lastGoodAt), row.errorCode ? `${row.errorCode}: ${row.errorMessage ?? ""}` : "—"]),
    ),
    "",
    `_Generated by Tenfold on ${review.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC._`,
    "",
  ];
  return lines.join("\n");
}
