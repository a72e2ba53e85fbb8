import Link from "next/link";
import { ITEM_SHORT, itemTitle } from "@/components/scorecard/item-labels";
import { Delta } from "@/components/ui/delta";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDay, formatPercent, formatScore } from "@/lib/format";
import { shownChange } from "@/lib/review/movers";
import type { ReviewSummary } from "@/lib/review/types";
import { ReviewSection, ReviewTable, cellClass } from "./review-section";

/** The organisation's score on both dates with the change, big enough to read from the back of the room. */
export function OrgScoreChange({ review }: { review: ReviewSummary }) {
  const { org, period } = review;
  return (
    <section aria-labelledby="org-heading" className="review-section rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="org-heading" className="text-2xl font-semibold">
        {review.scope === "own" ? "Score of your accounts" : "Organisation score"}
      </h2>
      <div className="mt-4 flex flex-wrap items-end gap-x-10 gap-y-4">
        <Figure label={formatDay(period.from)} value={org.from} testId="org-from" />
        <span aria-hidden className="pb-4 text-4xl text-ink-muted">
          →
        </span>
        <Figure label={formatDay(period.to)} value={org.to} testId="org-to" />
        <div className="pb-2">
          <p className="text-base text-ink-muted">Change</p>
          <p className="text-6xl font-semibold" data-testid="org-change">
            <Delta value={shownChange(org)} />
          </p>
        </div>
        <div className="pb-3">
          <StatusBadge status={org.status} />
        </div>
      </div>
      <p className="mt-4 text-base text-ink-muted">
        Mean of {org.accountsTo} account {org.accountsTo === 1 ? "score" : "scores"} on {formatDay(period.to)} ({org.accountsFrom} on {formatDay(period.from)}). An account not scanned on a date counts with its last score before it.
      </p>
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  return (
    <div>
      <p className="text-base text-ink-muted">{label}</p>
      <p className="text-7xl font-semibold tabular-nums">
        <span data-testid={testId}>{formatScore(value)}</span>
        <span className="sr-only"> out of 100</span>
      </p>
    </div>
  );
}

/** The ten items: score on each date, change, and the share of accounts passing. */
export function ItemScoreChanges({ review }: { review: ReviewSummary }) {
  const { period } = review;
  return (
    <ReviewSection id="items" title="The ten items" keepWithPrevious>
      <ReviewTable caption={`Item scores on ${period.from} and ${period.to}`} columns={[{ label: "Item" }, { label: formatDay(period.from), numeric: true }, { label: formatDay(period.to), numeric: true }, { label: "Change", numeric: true }, { label: "Status" }, { label: "Accounts passing", numeric: true }]}>
        {review.items.map((item) => (
          <tr key={item.item} data-item={item.item}>
            <th scope="row" className={`${cellClass} font-medium`}>
              <Link href={`/items/${item.item}`} title={itemTitle(item.item)} className="hover:underline">
                <span className="text-ink-muted">{item.item}.</span> {ITEM_SHORT[item.item]}
              </Link>
            </th>
            <td className={`${cellClass} text-right tabular-nums`}>{formatScore(item.from)}</td>
            <td className={`${cellClass} text-right font-semibold tabular-nums`}>{formatScore(item.to)}</td>
            <td className={`${cellClass} text-right text-xl`}>
              <Delta value={shownChange(item)} />
            </td>
            <td className={cellClass}>
              <StatusBadge status={item.status} />
            </td>
            <td className={`${cellClass} text-right tabular-nums`}>
              {formatPercent(item.passRateFrom)} → {formatPercent(item.passRateTo)}
            </td>
          </tr>
        ))}
      </ReviewTable>
    </ReviewSection>
  );
}
