import type { Metadata } from "next";
import { AccountMovers } from "@/components/review/account-movers";
import { CheckChanges } from "@/components/review/check-changes";
import { Expiries } from "@/components/review/expiries";
import { ReviewPeriodForm } from "@/components/review/review-period-form";
import { ItemScoreChanges, OrgScoreChange } from "@/components/review/score-changes";
import { StaleAccounts } from "@/components/review/stale-accounts";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { getReview, getReviewLatestDay } from "@/lib/db/review";
import { formatDay } from "@/lib/format";
import { firstValues, resolveReviewPeriod, ReviewPeriodError, reviewQuerySchema, reviewQueryString, type ReviewPeriod } from "@/lib/review/period";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const raw = firstValues(await searchParams);
  const today = new Date().toISOString().slice(0, 10);
  const latestDay = await getReviewLatestDay(viewer);
  // Bad dates get the form back with a message (the export route answers 400 for the same input).
  const parsed = reviewQuerySchema.safeParse(raw);
  let period: ReviewPeriod | null = null;
  let problem: string | null = parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"} ${issue.message}`).join("; ");
  if (parsed.success && latestDay) {
    try {
      period = resolveReviewPeriod(parsed.data, latestDay, today);
    } catch (error) {
      if (!(error instanceof ReviewPeriodError)) throw error;
      problem = error.message;
    }
  }
  const review = period ? await getReview(viewer, period) : null;
  return (
    <div className="review-page space-y-6 text-lg">
      <PageHeader
        title="Review"
        description={period ? `What changed between ${formatDay(period.from)} and ${formatDay(period.to)}, and who owns it.` : "What changed between two dates, and who owns it."}
      />
      <ReviewPeriodForm period={period} latestDay={latestDay} today={today} values={{ from: raw.from, to: raw.to }} />
      {problem ? (
        <Notice tone="error" title="These dates cannot be reviewed">
          {problem}. Pick two dates as YYYY-MM-DD, the first before the second, neither after today.
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
          <CheckChanges review={review} exportHref={`/api/review/export${reviewQueryString(review.period)}&format=csv`} />
          <Expiries review={review} />
          <StaleAccounts review={review} />
        </>
      ) : null}
    </div>
  );
}
