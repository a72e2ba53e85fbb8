// GET /api/accounts/export — the accounts list as CSV, with the same filters (query string) as /accounts.
import { withViewer } from "@/lib/auth/route-guard";
import { applyAccountFilters, parseAccountFiltersStrict } from "@/lib/accounts-filter";
import { listAccountSummaries } from "@/lib/db/account-summaries";
import { accountsCsv } from "@/lib/accounts-csv";

export const dynamic = "force-dynamic";

export const GET = withViewer(async ({ request, viewer }) => {
  const filters = parseAccountFiltersStrict(new URL(request.url).searchParams);
  const rows = applyAccountFilters(await listAccountSummaries(viewer), filters);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(accountsCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tenfold-accounts-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
