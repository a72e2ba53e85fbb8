import Link from "next/link";
import type { Page } from "@/lib/paging";

const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50";
const idle = "rounded-md border border-slate-200 px-3 py-1.5 text-ink-muted";

/** "Rows 101–200 of 1,000" with previous / next links; nothing when everything fits on one page. */
export function Pager({ page, noun, hrefFor }: { page: Pick<Page<unknown>, "page" | "pages" | "from" | "to" | "total">; noun: string; hrefFor: (page: number) => string }) {
  if (page.pages <= 1) return null;
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        {noun[0]?.toUpperCase()}
        {noun.slice(1)} {page.from.toLocaleString("en")}–{page.to.toLocaleString("en")} of {page.total.toLocaleString("en")} · page {page.page} of {page.pages}
      </p>
      <div className="flex gap-2">
        {page.page > 1 ? (
          <Link href={hrefFor(page.page - 1)} rel="prev" prefetch={false} className={link}>
            <span aria-hidden>← </span>Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={idle}>
            <span aria-hidden>← </span>Previous
          </span>
        )}
        {page.page < page.pages ? (
          <Link href={hrefFor(page.page + 1)} rel="next" prefetch={false} className={link}>
            Next<span aria-hidden> →</span>
          </Link>
        ) : (
          <span aria-disabled="true" className={idle}>
            Next<span aria-hidden> →</span>
          </span>
        )}
      </div>
    </nav>
  );
}
