// One account's checks as CSV and JSON: the rows of the ten drill-down pages, with resources, first seen
// failing and the exception or attestation that changed a result.
import { toCsv, type CsvValue } from "./csv";
import { CHECK_BY_ID } from "./scoring/catalogue";
import type { AccountCheckRow } from "./db/account-checks";

export const CHECK_EXPORT_COLUMNS = [
  "item",
  "check_id",
  "title",
  "result",
  "severity",
  "reason",
  "resources",
  "resources_truncated",
  "first_seen_failing",
  "original_result",
  "override_id",
  "evaluated_at",
] as const;

export type ExportableCheck = Omit<AccountCheckRow, "source">;

export type CheckExportRecord = Record<(typeof CHECK_EXPORT_COLUMNS)[number], string | number | null>;

/** Resource ids in one cell; "; " because ids (ARNs, rule ids) never contain it. */
export const RESOURCE_SEPARATOR = "; ";

export function checkExportRecord(check: ExportableCheck): CheckExportRecord {
  const failing = check.result === "fail" || check.result === "warn";
  return {
    item: check.item,
    check_id: check.checkId,
    title: CHECK_BY_ID[check.checkId as keyof typeof CHECK_BY_ID]?.title ?? check.checkId,
    result: check.result,
    severity: check.severity,
    reason: check.reason,
    resources: check.resources.map((resource) => resource.id).join(RESOURCE_SEPARATOR),
    resources_truncated: check.resourcesTruncated,
    // As the drill-down shows it: only a failing or warning check has a "first seen failing".
    first_seen_failing: failing && check.since ? check.since.toISOString() : null,
    original_result: check.originalResult,
    override_id: check.overrideId,
    evaluated_at: check.evaluatedAt.toISOString(),
  };
}

export function checksCsv(checks: ExportableCheck[]): string {
  return toCsv(
    [...CHECK_EXPORT_COLUMNS],
    checks.map((check) => {
      const record = checkExportRecord(check);
      return CHECK_EXPORT_COLUMNS.map((column): CsvValue => record[column]);
    }),
  );
}

/** JSON keeps the resources as objects (kind, id, Region, detail) rather than joined ids. */
export function checksJson(account: { id: string; name: string }, checks: ExportableCheck[], exportedAt: Date) {
  return {
    accountId: account.id,
    name: account.name,
    exportedAt: exportedAt.toISOString(),
    count: checks.length,
    checks: checks.map((check) => ({ ...checkExportRecord(check), resources: check.resources })),
  };
}
