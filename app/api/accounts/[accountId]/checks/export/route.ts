// GET /api/accounts/[accountId]/checks/export — the account's checks (latest good result) as CSV or `format=json`; 404 outside the viewer's scope.
import { z } from "zod";
import { withViewer } from "@/lib/auth/route-guard";
import { checksCsv, checksJson } from "@/lib/checks-export";
import { getAccountForViewer } from "@/lib/db/accounts";
import { listAccountChecks } from "@/lib/db/account-checks";
import { exportFormatSchema, downloadResponse } from "@/lib/export-download";
import { accountIdSchema } from "@/lib/route-params";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ accountId: accountIdSchema });
const querySchema = z.object({ format: exportFormatSchema }).strict();

export const GET = withViewer<{ accountId: string }>(async ({ request, viewer, params }) => {
  const { accountId } = paramsSchema.parse(params);
  const { format } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const account = await getAccountForViewer(viewer, accountId);
  const checks = await listAccountChecks(viewer, accountId);
  const now = new Date();
  return downloadResponse(format, `tenfold-checks-${accountId}`, format === "csv" ? checksCsv(checks) : checksJson(account, checks, now), now);
});
