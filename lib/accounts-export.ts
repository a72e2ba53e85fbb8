// The accounts export, CSV and JSON: one record per account with the columns the list shows, so both
// formats carry the same values as the table (rounded scores, one status word per item).
import { toCsv, type CsvValue } from "./csv";
import { shownScore } from "./format";
import type { FilterableAccount } from "./accounts-filter";

const STATUS_WORD = { green: "pass", amber: "partial", red: "failing", grey: "no data" } as const;

const ITEM_COLUMNS = Array.from({ length: 10 }, (_, i) => `item_${i + 1}`);
export const ACCOUNT_EXPORT_COLUMNS = ["account_id", "name", "email", "ou_path", "owner", "score", "coverage", "status", "change_7d", "failing_items", "last_scanned", "stale", ...ITEM_COLUMNS] as const;

export type ExportableAccount = FilterableAccount & { status: keyof typeof STATUS_WORD; stale: { errorCode: string | null } | null };
export type AccountExportRecord = Record<(typeof ACCOUNT_EXPORT_COLUMNS)[number], string | number | null>;

export function accountExportRecord(row: ExportableAccount): AccountExportRecord {
  const items = Object.fromEntries(
    ITEM_COLUMNS.map((column, i) => {
      const status = row.items.find((cell) => cell.item === i + 1)?.status;
      return [column, status ? STATUS_WORD[status as keyof typeof STATUS_WORD] : ""];
    }),
  );
  return {
    account_id: row.id,
    name: row.name,
    email: row.email,
    ou_path: row.ouPath,
    owner: row.owner,
    score: row.score === null ? null : shownScore(row.score),
    // Whole percent, rounded down like the table's, so an export never reads 80 for an account under 80 %.
    coverage: row.coverage === null ? null : Math.floor(row.coverage * 100 + 1e-9),
    status: STATUS_WORD[row.status],
    change_7d: row.change7d === null ? null : Math.round(row.change7d),
    failing_items: row.redItems,
    last_scanned: row.lastScannedAt?.toISOString() ?? null,
    stale: row.stale ? (row.stale.errorCode ?? "yes") : "",
    ...items,
  } as AccountExportRecord;
}

export function accountsCsv(rows: ExportableAccount[]): string {
  return toCsv([...ACCOUNT_EXPORT_COLUMNS], rows.map((row) => recordValues(accountExportRecord(row))));
}

/** JSON export: the same records under `accounts`; values are never formula-escaped (JSON is not a spreadsheet). */
export function accountsJson(rows: ExportableAccount[], exportedAt: Date) {
  return { exportedAt: exportedAt.toISOString(), count: rows.length, accounts: rows.map(accountExportRecord) };
}

const recordValues = (record: AccountExportRecord): CsvValue[] => ACCOUNT_EXPORT_COLUMNS.map((column) => record[column]);
