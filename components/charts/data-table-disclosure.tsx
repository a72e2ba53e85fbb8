import type { ReactNode } from "react";

/** The table alternative of a chart: a real table, behind a disclosure so sighted users can open it too. */
export function ChartDataTable({ caption, headers, rows, summary = "Show data as a table" }: { caption: string; headers: string[]; rows: ReactNode[][]; summary?: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer rounded text-ink-muted hover:text-ink">{summary}</summary>
      {/* Focusable so keyboard users can scroll a long table (axe: scrollable-region-focusable). */}
      <div className="mt-2 max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col" className="border-b border-slate-200 py-1 pr-4 font-medium">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index} className="border-b border-slate-100">
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} className="py-1 pr-4 tabular-nums">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
