import type { Metadata } from "next";
import { Suspense } from "react";
import { AccountMovers } from "@/components/review/account-movers";
import { Expiries } from "@/components/review/expiries";
import { ReviewPeriodForm } from "@/components/review/review-period-form";
import { ItemScoreChanges, OrgScoreChange } from "@/components/review/score-changes";
import { StaleAccounts } from "@/components/review/stale-accounts";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { LoadingBlock } from "@/components/ui/skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { systemClock } from "@/lib/clock";
import { getReviewLatestDay, getReviewSummary } from "@/lib/db/review";
import { formatDay } from "@/lib/format";
import { firstValues, parseReviewPeriod, REVIEW_FIRST_DAY, utcDay } from "@/lib/review/period";
import { CheckChangesSection } from "./_components/check-changes-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const raw = firstValues(await searchParams);
  const today = utcDay(systemClock());
  const latestDay = await getReviewLatestDay(viewer);
  // Bad dates get the form back with a message (the export route answers 400 for the same input).
  const { period, problem } = parseReviewPeriod(raw, latestDay, today);
  const review = period ? await getReviewSummary(viewer, period) : null;
  return (
    <div className="review-page space-y-6 text-lg">
      <PageHeader
        title="Review"
        description={period ? `What changed between ${formatDay(period.from)} and ${formatDay(period.to)}, and who owns it.` : "What changed between two dates, and who owns it."}
      />
      <ReviewPeriodForm period={period} latestDay={latestDay} today={today} values={{ from: raw.from, to: raw.to }} />
      {problem ? (
        <Notice tone="error" title="These dates cannot be reviewed">
          {problem}. Pick two dates as YYYY-MM-DD, the first before the second, neither before {REVIEW_FIRST_DAY} nor after today.
        </Notice>
      ) : null}
      {!latestDay ? (
        <EmptyState title="Nothing to review yet">The review compares two scans; it fills in once the first scan has finished.</EmptyState>
      ) : null}
      {review ? (
        <>
          <OrgScoreChange review={review} />
          <ItemScoreChanges review={review} />
          <AccountMovers review={review} />
          <Suspense fallback={<LoadingBlock label="Comparing the checks of the two dates" className="h-64" />}>
            <CheckChangesSection viewer={viewer} period={review.period} />
          </Suspense>
          <Expiries review={review} />
          <StaleAccounts review={review} />
        </>
      ) : null}
    </div>
  );
}
