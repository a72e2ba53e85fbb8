import { toCsv } from "./csv";
import type { FilterableAccount } from "./accounts-filter";

const STATUS_WORD = { green: "pass", amber: "partial", red: "failing", grey: "no data" } as const;

/** The accounts export: what the list shows, one column per item status. */
export function accountsCsv(rows: (FilterableAccount & { stale: { errorCode: string | null } | null })[]): string {
  const header = ["account_id", "name", "email", "ou_path", "owner", "score", "change_7d", "failing_items", "last_scanned", "stale", ...Array.from({ length: 10 }, (_, i) => `item_${i + 1}`)];
  return toCsv(
    header,
    rows.map((row) => [
      row.id,
      row.name,
      row.email,
      row.ouPath,
      row.owner,
      row.score === null ? null : Math.round(row.score),
      row.change7d === null ? null : Math.round(row.change7d),
      row.redItems,
      row.lastScannedAt,
      row.stale ? (row.stale.errorCode ?? "yes") : "",
      ...Array.from({ length: 10 }, (_, i) => {
        const status = row.items.find((cell) => cell.item === i + 1)?.status;
        return status ? STATUS_WORD[status as keyof typeof STATUS_WORD] : "";
      }),
    ]),
  );
}
