// GET /api/review/export?from&to&format=md|csv|json — the review of two dates as a download; 400 on bad dates.
import { withViewer } from "@/lib/auth/route-guard";
import { systemClock } from "@/lib/clock";
import { getReview, getReviewLatestDay } from "@/lib/db/review";
import { reviewCsv } from "@/lib/review/csv";
import { reviewMarkdown } from "@/lib/review/markdown";
import { firstValues, resolveReviewPeriod, reviewExportQuerySchema, utcDay } from "@/lib/review/period";

export const dynamic = "force-dynamic";

const TYPES = { md: "text/markdown; charset=utf-8", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

export const GET = withViewer(async ({ request, viewer }) => {
  const { format, ...query } = reviewExportQuerySchema.parse(firstValues(new URL(request.url).searchParams));
  const today = utcDay(systemClock());
  const period = resolveReviewPeriod(query, await getReviewLatestDay(viewer), today);
  const review = await getReview(viewer, period);
  const body = format === "md" ? reviewMarkdown(review) : format === "csv" ? reviewCsv(review) : JSON.stringify(review, null, 2);
  return new Response(body, {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="tenfold-review-${period.from}-to-${period.to}.${format}"`,
      "cache-control": "no-store",
    },
  });
});
