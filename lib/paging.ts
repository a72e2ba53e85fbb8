// Long lists (accounts, an item across the organisation) render one page at a time: at 1,000 accounts,
// rendering every row cost seconds per request (docs/benchmarks.md). Pure, so pages and tests share it.
import { z } from "zod";

export type Page<T> = {
  rows: T[];
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  /** 1-based position of the first and last row shown; 0 and 0 for an empty list. */
  from: number;
  to: number;
  total: number;
};

/** Rows per page of the long lists. */
export const LIST_PAGE_SIZE = 100;

/** A page number: a positive integer (bounded, so a hand-made URL cannot ask for an absurd offset). */
export const pageNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

/** A `?page=` value: a page number; anything else is page 1 (a hand-edited URL never fails). */
export const pageParamSchema = pageNumberSchema.catch(1);

export function pageOf<T>(rows: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page: current, pages, from: shown.length ? start + 1 : 0, to: start + shown.length, total: rows.length };
}
