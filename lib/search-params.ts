// Search parameters as pages and route handlers receive them: the first value of each, empty ones dropped
// (an empty field of a GET form means "not set").
export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function firstValues(params: SearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in out)) out[key] = first;
  }
  return out;
}
