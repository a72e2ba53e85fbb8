import Link from "next/link";
import type { ReactNode } from "react";
import type { Page } from "@/lib/paging";

/** A previous / next link, or the same label greyed out where there is no page to go to. */
function Step({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: ReactNode }) {
  return href ? (
    <Link href={href} rel={rel} prefetch={false} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
      {children}
    </Link>
  ) : (
    <span aria-disabled="true" className="rounded-md border border-slate-200 px-3 py-1.5 text-ink-muted">
      {children}
    </span>
  );
}

/** "Accounts 101–200 of 1,000" with previous / next links; nothing when everything fits on one page. */
export function Pager({ page, noun, hrefFor }: { page: Pick<Page<unknown>, "page" | "pages" | "from" | "to" | "total">; noun: string; hrefFor: (page: number) => string }) {
  if (page.pages <= 1) return null;
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>
        {noun[0]?.toUpperCase()}
        {noun.slice(1)} {page.from.toLocaleString("en")}–{page.to.toLocaleString("en")} of {page.total.toLocaleString("en")} · page {page.page} of {page.pages}
      </p>
      <div className="flex gap-2">
        <Step href={page.page > 1 ? hrefFor(page.page - 1) : null} rel="prev">
          <span aria-hidden>← </span>Previous
        </Step>
        <Step href={page.page < page.pages ? hrefFor(page.page + 1) : null} rel="next">
          Next<span aria-hidden> →</span>
        </Step>
      </div>
    </nav>
  );
}
