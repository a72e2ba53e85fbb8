// The one way workflow forms talk to the API: JSON in, the server's message out when it refuses.
export async function postJson(url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(payload.error ?? `the server answered ${response.status}`);
  return payload;
}

export const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base focus:border-slate-900 focus:outline-none focus:ring-2 focus:ring-slate-900/20";
export const PRIMARY_BUTTON = "rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:cursor-wait disabled:bg-slate-500";
export const SECONDARY_BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60";
