// API answers are one viewer's data at one moment: no browser or shared cache may keep them. proxy.ts
// sets the same header on every /api/ response; this keeps a route handler's own answer right on its own.

export const NO_STORE = "no-store";

/** The response with `Cache-Control: no-store` unless the handler chose a policy itself. */
export function noStore(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", NO_STORE);
  return response;
}
