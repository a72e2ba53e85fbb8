import Link from "next/link";
import { accountFiltersQuery, defaultSortDir, type AccountFilters, type AccountSort } from "@/lib/accounts-filter";
import type { AccountSummaryRow } from "@/lib/db/account-summaries";
import { formatCoverage, formatScore } from "@/lib/format";
import { lowCoverage } from "@/lib/scoring/account-status";
import { CoverageValue } from "./coverage-value";
import { Delta } from "@/components/ui/delta";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { ITEM_SHORT } from "./item-labels";

const COLUMNS: { key: AccountSort | null; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Account" },
  { key: "score", label: "Score", numeric: true },
  { key: "coverage", label: "Coverage", numeric: true },
  { key: "change", label: "7-day change", numeric: true },
  { key: "red", label: "Failing items", numeric: true },
  { key: null, label: "Owner" },
  { key: null, label: "OU" },
  { key: "scanned", label: "Last scanned" },
  { key: null, label: "Status" },
];

/** The accounts list; each sortable header is a link that keeps the other filters in the URL. */
export function AccountsTable({ rows, filters }: { rows: AccountSummaryRow[]; filters: AccountFilters }) {
  const sort = filters.sort ?? "name";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Accounts, sorted by {sort}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.key === sort;
              const dir = active ? (filters.dir ?? defaultSortDir(sort)) : undefined;
              const next = active && dir === "asc" ? "desc" : "asc";
              return (
                <th key={column.label} scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={`px-4 py-3 font-semibold ${column.numeric ? "text-right" : ""}`}>
                  {column.key ? (
                    <Link href={`/accounts${accountFiltersQuery({ ...filters, sort: column.key, dir: active ? next : undefined, page: undefined })}`} className="rounded hover:underline">
                      {column.label}
                      {active ? <span aria-hidden> {dir === "asc" ? "↑" : "↓"}</span> : null}
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const failing = row.items.filter((cell) => cell.status === "red").map((cell) => ITEM_SHORT[cell.item]);
            return (
              <tr key={row.id} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 font-medium">
                  <Link href={`/accounts/${row.id}`} prefetch={false} className="rounded text-base hover:underline">
                    {row.name}
                  </Link>
                  <div className="font-mono text-xs font-normal text-ink-muted">{row.id}</div>
                </th>
                <td
                  className="px-4 py-3 text-right text-lg font-semibold tabular-nums"
                  title={row.score === null ? "Not scored yet" : `Mean of the ten item scores: ${row.items.map((cell) => `${cell.item}: ${formatScore(cell.score)}`).join(", ")}`}
                >
                  {formatScore(row.score)}
                </td>
                <td className="px-4 py-3 text-right tabular-nums" title="Share of the applicable checks the last good scan could read">
                  <CoverageValue coverage={row.coverage} />
                </td>
                <td className="px-4 py-3 text-right">
                  <Delta value={row.change7d} />
                </td>
                <td className="px-4 py-3 text-right tabular-nums" title={failing.join(", ") || "none"}>
                  {row.redItems}
                </td>
                <td className="px-4 py-3">{row.owner ?? <span className="text-ink-muted">—</span>}</td>
                <td className="px-4 py-3 text-ink-muted">{row.ouPath}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <TimeAgo at={row.lastScannedAt} />
                </td>
                <td className="px-4 py-3">
                  {row.state !== "ACTIVE" ? (
                    <span className="inline-flex items-center gap-1 rounded-full border border-status-grey/40 bg-status-grey/10 px-2.5 py-0.5 text-sm font-medium text-status-grey">
                      <span aria-hidden>–</span> {row.state === "SUSPENDED" ? "Suspended" : row.state.toLowerCase()}
                    </span>
                  ) : row.stale ? (
                    <span className="inline-flex items-center gap-1 rounded-full border border-status-red/40 bg-status-red/10 px-2.5 py-0.5 text-sm font-medium text-status-red" title={`${row.stale.errorCode ?? "error"}: ${row.stale.errorMessage ?? ""}`}>
                      <span aria-hidden>✕</span> Stale
                    </span>
                  ) : (
                    <span title={notGreenBecause(row)}>
                      <StatusBadge status={row.status} />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Why a perfect score shows amber (read in part, or an item without data); undefined otherwise. */
function notGreenBecause(row: AccountSummaryRow): string | undefined {
  if (row.score === null || row.score < 100 || row.status === "green") return undefined;
  const grey = row.items.filter((cell) => cell.status === "grey").length;
  return lowCoverage(row.coverage)
    ? `Not green: only ${formatCoverage(row.coverage)} of the checks could be read`
    : `Not green: ${grey} ${grey === 1 ? "item has" : "items have"} no data`;
}
