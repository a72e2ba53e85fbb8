import Link from "next/link";
import { ResultBadge } from "@/components/ui/status-badge";
import { Notice } from "@/components/ui/notice";
import { formatDay } from "@/lib/format";
import type { ReviewPeriod } from "@/lib/review/period";
import type { CheckChangeRow, Review } from "@/lib/review/types";
import { AccountCell, ReviewSection, ReviewTable, cellClass } from "./review-section";

/** The page lists this many rows per list; the exports carry all of them. */
const PAGE_ROWS = 100;

/** Checks newly failing and newly fixed, resource by resource, most severe first. */
export function CheckChanges({ checks, period, exportHref }: { checks: Review["checks"]; period: ReviewPeriod; exportHref: string }) {
  return (
    <>
      {checks.accountsPruned > 0 ? (
        <Notice tone="warning" title={`${checks.accountsPruned} ${checks.accountsPruned === 1 ? "account" : "accounts"} could not be compared check by check`}>
          Their raw check results for {formatDay(period.from)} are older than the retention window and were pruned. The score changes above still compare, from the daily rollups.
        </Notice>
      ) : null}
      <ReviewSection id="newly-failing" title="Newly failing" count={checks.newlyFailing.length} description={`Checks and resources failing on ${formatDay(period.to)} that were not on ${formatDay(period.from)}.`}>
        <ChangesTable rows={checks.newlyFailing} kind="failing" exportHref={exportHref} />
      </ReviewSection>
      <ReviewSection id="newly-fixed" title="Newly fixed" count={checks.fixed.length} description={`Checks and resources failing on ${formatDay(period.from)} that no longer are on ${formatDay(period.to)}.`}>
        <ChangesTable rows={checks.fixed} kind="fixed" exportHref={exportHref} />
      </ReviewSection>
    </>
  );
}

function ChangesTable({ rows, kind, exportHref }: { rows: CheckChangeRow[]; kind: "failing" | "fixed"; exportHref: string }) {
  if (rows.length === 0) return <p className="text-lg text-ink-muted">{kind === "failing" ? "Nothing started failing." : "Nothing was fixed."}</p>;
  return (
    <>
      <ReviewTable caption={kind === "failing" ? "Newly failing checks" : "Newly fixed checks"} columns={[{ label: "Account" }, { label: "Check" }, { label: "Resource" }, { label: "Now" }]}>
        {rows.slice(0, PAGE_ROWS).map((row, index) => (
          <tr key={`${row.accountId}-${row.checkId}-${row.resource?.id ?? ""}-${index}`}>
            <AccountCell id={row.accountId} name={row.accountName} owner={row.owner} />
            <td className={cellClass}>
              <Link href={`/accounts/${row.accountId}/items/${row.item}`} prefetch={false} className="hover:underline">
                {row.checkTitle}
              </Link>
              <div className="text-base text-ink-muted">
                <span className="font-mono">{row.checkId}</span> · {row.severity}
              </div>
            </td>
            <td className={`${cellClass} max-w-md text-base`}>
              {row.resource ? (
                <>
                  <span className="font-mono break-all">{row.resource.id}</span>
                  <div className="text-ink-muted">
                    {[row.resource.kind, row.resource.region, row.resource.detail].filter(Boolean).join(" · ")}
                  </div>
                </>
              ) : (
                <span className="text-ink-muted">The check as a whole</span>
              )}
            </td>
            <td className={cellClass}>
              {kind === "fixed" && row.scope === "resource" ? (
                <span className="text-base">
                  <span className="text-status-green font-medium">
                    <span aria-hidden>✓ </span>Resource fixed
                  </span>
                  <div className="text-ink-muted">check still failing</div>
                </span>
              ) : (
                <ResultBadge result={row.toResult} />
              )}
            </td>
          </tr>
        ))}
      </ReviewTable>
      {rows.length > PAGE_ROWS ? (
        <p className="mt-3 text-base">
          Showing {PAGE_ROWS} of {rows.length}.{" "}
          <a href={exportHref} download className="underline print:hidden">
            Download the CSV for every row
          </a>
        </p>
      ) : null}
    </>
  );
}
