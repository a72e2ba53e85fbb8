import { CheckChanges } from "@/components/review/check-changes";
import type { Viewer } from "@/lib/auth/viewer";
import { getReviewCheckChanges } from "@/lib/db/review";
import { reviewQueryString, type ReviewPeriod } from "@/lib/review/period";

/** Reads the two snapshots per account behind the review's dates; streamed after the rollup numbers. */
export async function CheckChangesSection({ viewer, period }: { viewer: Viewer; period: ReviewPeriod }) {
  const checks = await getReviewCheckChanges(viewer, period);
  return <CheckChanges checks={checks} period={period} exportHref={`/api/review/export${reviewQueryString(period)}&format=csv`} />;
}
