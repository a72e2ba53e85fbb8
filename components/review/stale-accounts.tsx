import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatDay } from "@/lib/format";
import type { ReviewSummary } from "@/lib/review/types";
import { cellClass, headClass, OwnerName, ReviewSection, tableClass } from "./review-section";

/** Accounts whose numbers are old: the last scan could not read them, or they missed the latest full scan. */
export function StaleAccounts({ review }: { review: ReviewSummary }) {
  const { stale } = review;
  return (
    <ReviewSection id="stale" title="Stale or unreachable accounts" count={stale.length} description={`As of ${formatDay(review.period.to)}: their scores above are their last good ones.`}>
      {stale.length === 0 ? (
        <p className="text-lg text-ink-muted">
          <span aria-hidden className="text-status-green">✓ </span>
          Every account was read by the latest scan.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className={headClass}>
              <tr>
                <th scope="col" className={cellClass}>Account</th>
                <th scope="col" className={cellClass}>State</th>
                <th scope="col" className={cellClass}>Last good scan</th>
                <th scope="col" className={cellClass}>Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {stale.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${cellClass} font-medium`}>
                    <Link href={`/accounts/${row.id}`} prefetch={false} className="hover:underline">
                      {row.name}
                    </Link>
                    <div className="text-base font-normal">
                      <OwnerName owner={row.owner} />
                    </div>
                  </th>
                  <td className={`${cellClass} font-medium whitespace-nowrap ${row.kind === "unreachable" ? "text-status-red" : "text-status-amber"}`}>
                    <span aria-hidden>{row.kind === "unreachable" ? "✕ " : "▲ "}</span>
                    {row.kind === "unreachable" ? "Unreachable" : "Stale"}
                  </td>
                  <td className={`${cellClass} text-base`}>
                    <TimeAgo at={row.lastGoodAt} />
                  </td>
                  <td className={`${cellClass} text-base`}>
                    {row.errorCode ? (
                      <>
                        <span className="font-mono">{row.errorCode}</span>
                        {row.errorMessage ? <div className="text-ink-muted">{row.errorMessage}</div> : null}
                      </>
                    ) : (
                      <span className="text-ink-muted">Missed the latest full scan</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReviewSection>
  );
}
