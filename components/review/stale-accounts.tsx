import { TimeAgo } from "@/components/ui/time-ago";
import { formatDay } from "@/lib/format";
import type { ReviewSummary } from "@/lib/review/types";
import { AccountCell, ReviewSection, ReviewTable, cellClass } from "./review-section";

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
        <ReviewTable caption="Stale or unreachable accounts" columns={[{ label: "Account" }, { label: "State" }, { label: "Last good scan" }, { label: "Error" }]}>
          {stale.map((row) => (
            <tr key={row.id}>
              <AccountCell id={row.id} name={row.name} owner={row.owner} />
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
        </ReviewTable>
      )}
    </ReviewSection>
  );
}
