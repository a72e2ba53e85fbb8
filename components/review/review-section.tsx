import Link from "next/link";
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

export const cellClass = "px-3 py-2 align-top";

export type ReviewColumn = { label: ReactNode; numeric?: boolean };

/** A review table in large type: a caption for screen readers, a bold header row, rows split by rules. */
export function ReviewTable({ caption, columns, children }: { caption: string; columns: ReviewColumn[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-lg">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-slate-300 text-base font-semibold">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`${cellClass} ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

/** The row header of a review table: the account (linked to its scorecard) with its owner below. */
export function AccountCell({ id, name, owner }: { id: string; name: string; owner: string | null }) {
  return (
    <th scope="row" className={`${cellClass} font-medium`}>
      <Link href={`/accounts/${id}`} prefetch={false} className="hover:underline">
        {name}
      </Link>
      <div className="text-base font-normal">
        <OwnerName owner={owner} />
      </div>
    </th>
  );
}
