import type { ReactNode } from "react";

/** One part of the review: a heading with its count, and a page break before it when printed. */
export function ReviewSection({ id, title, count, description, children, keepWithPrevious = false }: { id: string; title: string; count?: number; description?: ReactNode; children: ReactNode; keepWithPrevious?: boolean }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`review-section rounded-xl border border-slate-200 bg-white p-6 shadow-sm ${keepWithPrevious ? "" : "print:break-before-page"}`}>
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {title}
        {count !== undefined ? <span className="ml-2 font-normal text-ink-muted tabular-nums">({count})</span> : null}
      </h2>
      {description ? <p className="mt-1 text-base text-ink-muted">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Owner of an account, or a visible "No owner" (an unowned regression is itself a finding). */
export function OwnerName({ owner }: { owner: string | null }) {
  return owner ? <span className="break-words">{owner}</span> : <span className="italic text-ink-muted">No owner</span>;
}

export const tableClass = "w-full text-left text-lg";
export const headClass = "border-b-2 border-slate-300 text-base font-semibold";
export const cellClass = "px-3 py-2 align-top";
