// The accounts list's filters, sort and search as they live in the URL: one zod schema for the page
// (which drops bad values and says so) and the CSV route (which answers 400), plus the pure filter.
import { z } from "zod";
import { shownScore } from "./format";
import { pageNumberSchema } from "./paging";
import { firstValues, type SearchParams } from "./search-params";

export const ACCOUNT_SORTS = ["name", "score", "coverage", "change", "red", "scanned"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

const text = z.string().trim().min(1).max(200);
const score = z.coerce.number().int().min(0).max(100);

export const accountFiltersSchema = z
  .object({
    q: text.optional(),
    ou: text.optional(),
    owner: text.optional(),
    /** "key=value" or just "key" (the tag is present). */
    tag: text.optional(),
    failing: z.coerce.number().int().min(1).max(10).optional(),
    min: score.optional(),
    max: score.optional(),
    sort: z.enum(ACCOUNT_SORTS).optional(),
    dir: z.enum(["asc", "desc"]).optional(),
    /** The page of the list shown (lib/paging); exports ignore it and hold every matching account. */
    page: pageNumberSchema.optional(),
  })
  .strict();

export type AccountFilters = z.infer<typeof accountFiltersSchema>;

/** Strict parse for route handlers: unknown or bad parameters are a ZodError (→ 400). */
export function parseAccountFiltersStrict(params: SearchParams): AccountFilters {
  return accountFiltersSchema.parse(firstValues(params));
}

/** Lenient parse for the page: keeps the valid filters and names the ignored ones for a notice. */
export function parseAccountFilters(params: SearchParams): { filters: AccountFilters; ignored: string[] } {
  const raw = firstValues(params);
  const filters: Record<string, unknown> = {};
  const ignored: string[] = [];
  const shape = accountFiltersSchema.shape;
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key as keyof typeof shape];
    const parsed = field?.safeParse(value);
    if (parsed?.success && parsed.data !== undefined) filters[key] = parsed.data;
    else ignored.push(key);
  }
  if (typeof filters.min === "number" && typeof filters.max === "number" && filters.min > filters.max) {
    delete filters.min;
    delete filters.max;
    ignored.push("min", "max");
  }
  return { filters: filters as AccountFilters, ignored };
}

/** The query string for these filters (stable key order), "" when none. */
export function accountFiltersQuery(filters: AccountFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(accountFiltersSchema.shape) as (keyof AccountFilters)[]) {
    const value = filters[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export type FilterableAccount = {
  id: string;
  name: string;
  email: string;
  ouPath: string;
  owner: string | null;
  tags: Record<string, string>;
  score: number | null;
  /** Share of checks read, 0..1. */
  coverage: number | null;
  change7d: number | null;
  redItems: number;
  lastScannedAt: Date | null;
  items: { item: number; status: string }[];
};

const isUnder = (ouPath: string, ou: string) => {
  const path = ouPath.toLowerCase();
  const wanted = ou.toLowerCase().replace(/\/+$/, "");
  return path === wanted || path.startsWith(`${wanted}/`) || path === `root/${wanted}` || path.startsWith(`root/${wanted}/`);
};

/** Names A→Z, the worst scores and coverages first; counts, changes and times largest or latest first. */
export const defaultSortDir = (sort: AccountSort): "asc" | "desc" => (sort === "name" || sort === "score" || sort === "coverage" ? "asc" : "desc");

export function applyAccountFilters<T extends FilterableAccount>(rows: T[], filters: AccountFilters): T[] {
  const q = filters.q?.toLowerCase();
  const [tagKey, tagValue] = filters.tag ? (filters.tag.includes("=") ? filters.tag.split("=", 2) : [filters.tag, undefined]) : [undefined, undefined];
  const kept = rows.filter((row) => {
    if (q && !row.id.includes(q) && !row.name.toLowerCase().includes(q) && !row.email.toLowerCase().includes(q)) return false;
    if (filters.ou && !isUnder(row.ouPath, filters.ou)) return false;
    if (filters.owner && (row.owner ?? "").toLowerCase() !== filters.owner.toLowerCase()) return false;
    if (tagKey !== undefined) {
      const value = row.tags[tagKey];
      if (value === undefined || (tagValue !== undefined && value !== tagValue)) return false;
    }
    if (filters.failing !== undefined) {
      const status = row.items.find((cell) => cell.item === filters.failing)?.status;
      if (status !== "red" && status !== "amber") return false;
    }
    if (filters.min !== undefined && (row.score === null || shownScore(row.score) < filters.min)) return false;
    if (filters.max !== undefined && (row.score === null || shownScore(row.score) > filters.max)) return false;
    return true;
  });
  const sort = filters.sort ?? "name";
  const dir = (filters.dir ?? defaultSortDir(sort)) === "asc" ? 1 : -1;
  const key = (row: T): number | string | null => {
    switch (sort) {
      case "score":
        return row.score;
      case "coverage":
        return row.coverage;
      case "change":
        return row.change7d;
      case "red":
        return row.redItems;
      case "scanned":
        return row.lastScannedAt?.getTime() ?? null;
      default:
        return row.name.toLowerCase();
    }
  };
  // Missing values (never scored, no history) always sort last, whatever the direction.
  return [...kept].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null && kb === null) return a.name.localeCompare(b.name);
    if (ka === null) return 1;
    if (kb === null) return -1;
    if (ka < kb) return -dir;
    if (ka > kb) return dir;
    return a.name.localeCompare(b.name);
  });
}
