import Link from "next/link";
import { quickPicks, REVIEW_FIRST_DAY, reviewQueryString, type ReviewPeriod } from "@/lib/review/period";

const field = "mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-lg";
const button = "rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-50";

/**
 * The two dates as a GET form (the URL keeps them, so a review can be shared), the quick picks and the
 * exports. Hidden when printed.
 */
export function ReviewPeriodForm({ period, latestDay, today, values }: { period: ReviewPeriod | null; latestDay: string | null; today: string; values: { from?: string; to?: string } }) {
  const lastDay = latestDay && latestDay > today ? latestDay : today;
  const query = period ? reviewQueryString(period) : "";
  return (
    <div className="space-y-4 print:hidden">
      <form method="get" action="/review" aria-label="Review period" className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="font-medium">
          <label htmlFor="review-from">From</label>
          <input id="review-from" name="from" type="date" min={REVIEW_FIRST_DAY} max={lastDay} defaultValue={values.from ?? period?.from ?? ""} className={field} />
        </div>
        <div className="font-medium">
          <label htmlFor="review-to">To</label>
          <input id="review-to" name="to" type="date" min={REVIEW_FIRST_DAY} max={lastDay} defaultValue={values.to ?? period?.to ?? ""} className={field} />
        </div>
        <button type="submit" className="rounded-md bg-slate-900 px-5 py-2.5 text-lg font-medium text-white hover:bg-slate-700">
          Compare
        </button>
        {latestDay ? (
          <nav aria-label="Quick picks" className="flex flex-wrap gap-2">
            {quickPicks(latestDay).map((pick) => {
              const current = period?.from === pick.period.from && period?.to === pick.period.to;
              return (
                <Link
                  key={pick.label}
                  href={`/review${reviewQueryString(pick.period)}`}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-full border px-3 py-1.5 ${current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 bg-white hover:bg-slate-50"}`}
                >
                  {pick.label}
                </Link>
              );
            })}
          </nav>
        ) : null}
        {period ? (
          <div className="ml-auto flex flex-wrap gap-2">
            <a href={`/api/review/export${query}&format=md`} download className={button}>
              Export Markdown
            </a>
            <a href={`/api/review/export${query}&format=csv`} download className={button}>
              Export CSV
            </a>
            <a href={`/api/review/export${query}&format=json`} download className={button}>
              JSON
            </a>
          </div>
        ) : null}
      </form>
    </div>
  );
}
