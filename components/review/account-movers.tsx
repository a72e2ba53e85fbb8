import Link from "next/link";
import { CoverageValue } from "@/components/scorecard/coverage-value";
import { Delta } from "@/components/ui/delta";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDay, formatScore } from "@/lib/format";
import { shownChange, topMovers } from "@/lib/review/movers";
import type { AccountScoreChange, ReviewSummary } from "@/lib/review/types";
import { OwnerName, ReviewSection, ReviewTable, cellClass } from "./review-section";

/** The accounts whose score fell most and rose most, with their owners. */
export function AccountMovers({ review }: { review: ReviewSummary }) {
  const { regressed, improved } = topMovers(review.accounts);
  return (
    <div className="grid gap-6">
      <ReviewSection id="regressed" title="Regressed most" count={regressed.length}>
        <MoversTable rows={regressed} review={review} caption="Accounts whose score fell most" empty="No account's score fell." />
      </ReviewSection>
      <ReviewSection id="improved" title="Improved most" count={improved.length} keepWithPrevious>
        <MoversTable rows={improved} review={review} caption="Accounts whose score rose most" empty="No account's score rose." />
      </ReviewSection>
    </div>
  );
}

function MoversTable({ rows, review, caption, empty }: { rows: AccountScoreChange[]; review: ReviewSummary; caption: string; empty: string }) {
  if (rows.length === 0) return <p className="text-lg text-ink-muted">{empty}</p>;
  return (
    <ReviewTable caption={caption} columns={[{ label: "Account" }, { label: "Owner" }, { label: <><span className="sr-only">Score on </span>{formatDay(review.period.from)}</>, numeric: true }, { label: <><span className="sr-only">Score on </span>{formatDay(review.period.to)}</>, numeric: true }, { label: "Change", numeric: true }, { label: "Status" }, { label: "Coverage", numeric: true }]}>
      {rows.map((row) => (
        <tr key={row.id} data-account={row.id}>
          <th scope="row" className={`${cellClass} font-medium`}>
            <Link href={`/accounts/${row.id}`} prefetch={false} className="hover:underline">
              {row.name}
            </Link>
          </th>
          <td className={`${cellClass} text-base`}>
            <OwnerName owner={row.owner} />
          </td>
          <td className={`${cellClass} text-right tabular-nums`}>{formatScore(row.from)}</td>
          <td className={`${cellClass} text-right font-semibold tabular-nums`}>{formatScore(row.to)}</td>
          <td className={`${cellClass} text-right text-xl`}>
            <Delta value={shownChange(row)} />
          </td>
          <td className={cellClass}>
            <StatusBadge status={row.status} />
          </td>
          <td className={`${cellClass} text-right tabular-nums`}>
            <CoverageValue coverage={row.coverage} />
          </td>
        </tr>
      ))}
    </ReviewTable>
  );
}
