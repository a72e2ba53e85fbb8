import Link from "next/link";
import { formatScore } from "@/lib/format";
import type { ItemStatus } from "@/lib/scoring/types";
import { STATUS_META } from "@/components/ui/status-badge";
import { CoverageValue } from "./coverage-value";
import { ITEM_SHORT, itemTitle } from "./item-labels";

export type HeatmapRow = { id: string; name: string; state: string; score: number | null; coverage: number | null; items: { item: number; status: ItemStatus; score: number | null; explanation: string }[] };

/** Accounts × items as a real table: every cell states its status in text and links to its drill-down. */
export function AccountsHeatmap({ rows }: { rows: HeatmapRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-sm">
        <caption className="sr-only">Status of each item for each account; each cell links to the item&apos;s checks for that account.</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left font-medium">
              Account
            </th>
            <th scope="col" className="px-1 py-1 text-right font-medium">
              Score
            </th>
            <th scope="col" className="px-1 py-1 text-right font-medium" title="Share of the applicable checks the last good scan could read">
              Coverage
            </th>
            {Array.from({ length: 10 }, (_, index) => (
              <th key={index} scope="col" title={itemTitle(index + 1)} className="w-20 px-1 py-1 text-center align-bottom text-xs font-medium">
                <Link href={`/items/${index + 1}`} className="rounded hover:underline">
                  <span className="block text-ink-muted">{index + 1}</span>
                  {ITEM_SHORT[index + 1]}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-medium whitespace-nowrap">
                <a href={`/accounts/${row.id}`} className="rounded hover:underline">
                  {row.name}
                </a>
                {row.state !== "ACTIVE" ? <span className="ml-2 text-xs font-normal text-ink-muted">{row.state.toLowerCase().replace("_", " ")}, not scanned</span> : null}
              </th>
              <td className="px-1 text-right font-semibold tabular-nums">{formatScore(row.score)}</td>
              <td className="px-1 text-right text-xs tabular-nums">
                <CoverageValue coverage={row.coverage} />
              </td>
              {row.items.map((cell) => {
                const meta = STATUS_META[cell.status];
                return (
                  <td key={cell.item} className="p-0">
                    {/* Plain links: hundreds of next/link instances would each hydrate and prefetch. */}
                    <a
                      href={`/accounts/${row.id}/items/${cell.item}`}
                      title={`${itemTitle(cell.item)}: ${meta.label}. ${cell.explanation}`}
                      aria-label={`${row.name}, ${ITEM_SHORT[cell.item]}: ${meta.label}, score ${formatScore(cell.score)}`}
                      className={`heat-cell heat-${cell.status}`}
                    >
                      <span aria-hidden>{meta.icon}</span>
                      <span aria-hidden>{formatScore(cell.score)}</span>
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
