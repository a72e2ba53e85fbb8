// GET /api/accounts/export — the accounts list as CSV (or `format=json`), with the same filters (query string) as /accounts.
import { withViewer } from "@/lib/auth/route-guard";
import { applyAccountFilters, parseAccountFiltersStrict } from "@/lib/accounts-filter";
import { accountsCsv, accountsJson } from "@/lib/accounts-export";
import { downloadResponse, takeExportFormat } from "@/lib/export-download";
import { listAccountSummaries } from "@/lib/db/account-summaries";

export const dynamic = "force-dynamic";

export const GET = withViewer(async ({ request, viewer }) => {
  const { format, rest } = takeExportFormat(new URL(request.url).searchParams);
  const filters = parseAccountFiltersStrict(rest);
  const rows = applyAccountFilters(await listAccountSummaries(viewer), filters);
  const now = new Date();
  return downloadResponse(format, "tenfold-accounts", format === "csv" ? accountsCsv(rows) : accountsJson(rows, now), now);
});
