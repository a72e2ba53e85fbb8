import { SandboxError } from "./errors";

export interface Page<T> {
  items: T[];
  /** Opaque token for the next page, undefined on the last page. */
  next?: string;
}

export interface PageOptions {
  token?: string | null;
  max?: number | null;
  defaultMax: number;
  /** Largest page the service accepts; larger requests are clamped (as most AWS APIs do). */
  limit?: number;
  /** Error code the service uses for a token it did not issue. */
  invalidTokenCode?: string;
}

/** The token is an opaque base64 offset, so any list can be paged without server-side cursors. */
export function encodeToken(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeToken(token: string, code = "InvalidNextTokenException"): number {
  const m = /^o:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m?.[1]) throw new SandboxError(code, "The specified pagination token is not valid.", 400);
  return Number(m[1]);
}

export function paginate<T>(all: readonly T[], opts: PageOptions): Page<T> {
  const start = opts.token ? decodeToken(opts.token, opts.invalidTokenCode) : 0;
  let size = opts.max && opts.max > 0 ? opts.max : opts.defaultMax;
  if (opts.limit !== undefined) size = Math.min(size, opts.limit);
  const end = start + size;
  const items = all.slice(start, end);
  return { items, next: end < all.length ? encodeToken(end) : undefined };
}
