import { formatDay, utcTime } from "@/lib/format";
import type { ExpiryRow, ReviewSummary } from "@/lib/review/types";
import { AccountCell, ReviewSection, ReviewTable, cellClass } from "./review-section";

/** Exceptions and attestations expiring soon, and those that expired since the "from" date. */
export function Expiries({ review }: { review: ReviewSummary }) {
  const windowEnd = review.expiringWindow.end.toISOString().slice(0, 10);
  return (
    <div className="grid gap-6">
      <ReviewSection id="expiring" title="Expiring in the next 14 days" count={review.expiring.length} description={`Approved exceptions and attestations that expire by ${formatDay(windowEnd)}; the checks they cover count as failing again after that.`}>
        <ExpiryTable rows={review.expiring} empty="Nothing expires in the next 14 days." />
      </ReviewSection>
      <ReviewSection id="expired" title={`Expired since ${formatDay(review.period.from)}`} count={review.expired.length} keepWithPrevious>
        <ExpiryTable rows={review.expired} empty="Nothing expired in this period." />
      </ReviewSection>
    </div>
  );
}

function ExpiryTable({ rows, empty }: { rows: ExpiryRow[]; empty: string }) {
  if (rows.length === 0) return <p className="text-lg text-ink-muted">{empty}</p>;
  return (
    <ReviewTable caption="Exceptions and attestations" columns={[{ label: "Expires" }, { label: "Account" }, { label: "Check" }, { label: "What" }]}>
      {rows.map((row) => (
        <tr key={`${row.kind}-${row.id}`}>
          <td className={`${cellClass} whitespace-nowrap font-medium tabular-nums`}>
            <time dateTime={row.expiresAt.toISOString()} title={utcTime(row.expiresAt)}>
              {formatDay(row.expiresAt.toISOString().slice(0, 10))}
            </time>
          </td>
          <AccountCell id={row.accountId} name={row.accountName} owner={row.owner} />
          <td className={`${cellClass} text-base`}>
            <span className="font-mono">{row.checkId}</span>
            {row.resourceId ? <div className="font-mono break-all text-ink-muted">{row.resourceId}</div> : null}
          </td>
          <td className={`${cellClass} text-base`}>
            <span className="font-medium">{row.kind === "exception" ? "Exception" : "Attestation"}</span> by {row.by}
            <div className="text-ink-muted">{row.text}</div>
          </td>
        </tr>
      ))}
    </ReviewTable>
  );
}
