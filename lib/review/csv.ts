// The review as one CSV table (RFC 4180, formula-safe through lib/csv): a `section` column says which
// part of the review each row belongs to, so a spreadsheet can filter it.
import { ITEM_SHORT } from "@/components/scorecard/item-labels";
import { toCsv, type CsvValue } from "@/lib/csv";
import { formatPercent } from "@/lib/format";
import type { ExpiryRow, Review } from "./types";

export const REVIEW_CSV_HEADER = ["section", "account_id", "account", "owner", "item", "check_id", "check", "severity", "resource", "from", "to", "change", "detail"];

// One decimal: finer than the page's integers, so a spreadsheet can re-add the changes.
const score = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function reviewCsv(review: Review): string {
  const rows: CsvValue[][] = [];
  const { org } = review;
  rows.push(["org", null, null, null, null, null, review.scope === "own" ? "Score of your accounts" : "Organisation score", null, null, score(org.from), score(org.to), score(org.change), `${org.accountsFrom} → ${org.accountsTo} accounts scored`]);
  for (const item of review.items) {
    const passRates = item.passRateFrom === null && item.passRateTo === null ? null : `accounts passing ${formatPercent(item.passRateFrom)} → ${formatPercent(item.passRateTo)}`;
    rows.push(["item", null, null, null, item.item, null, ITEM_SHORT[item.item] ?? null, null, null, score(item.from), score(item.to), score(item.change), passRates]);
  }
  for (const account of review.accounts) rows.push(["account", account.id, account.name, account.owner, null, null, null, null, null, score(account.from), score(account.to), score(account.change), account.ouPath]);
  for (const [section, list] of [["newly_failing", review.checks.newlyFailing], ["newly_fixed", review.checks.fixed]] as const) {
    for (const row of list) {
      const resource = row.resource ? [row.resource.kind, row.resource.id, row.resource.region].filter(Boolean).join(" ") : null;
      rows.push([section, row.accountId, row.accountName, row.owner, row.item, row.checkId, row.checkTitle, row.severity, resource, row.fromResult, row.toResult, null, row.resource?.detail ?? (row.scope === "check" ? "check result changed" : null)]);
    }
  }
  const expiry = (section: string, row: ExpiryRow): CsvValue[] => [section, row.accountId, row.accountName, row.owner, null, row.checkId, null, null, row.resourceId, null, row.expiresAt, null, `${row.kind} by ${row.by}: ${row.text}`];
  for (const row of review.expiring) rows.push(expiry("expiring", row));
  for (const row of review.expired) rows.push(expiry("expired", row));
  for (const row of review.stale) rows.push(["stale", row.id, row.name, row.owner, null, null, null, null, null, row.lastGoodAt, row.lastAttemptAt, null, row.errorCode ? `${row.kind}: ${row.errorCode} ${row.errorMessage ?? ""}`.trim() : row.kind]);
  return toCsv(REVIEW_CSV_HEADER, rows);
}
