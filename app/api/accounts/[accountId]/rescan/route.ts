// POST /api/accounts/[accountId]/rescan — "Rescan now" for one account (admin, owner in scope); 202 + scan id.
import { z } from "zod";
import { actorOf, audit } from "@/lib/auth/audit";
import { withViewer } from "@/lib/auth/route-guard";
import { requestRescan } from "@/lib/db/rescan";
import { accountIdSchema } from "@/lib/route-params";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ accountId: accountIdSchema });

export const POST = withViewer<{ accountId: string }>(async ({ request, viewer, params }) => {
  const { accountId } = paramsSchema.parse(params);
  const { scanId } = await requestRescan(viewer, accountId);
  await audit({ actor: actorOf(viewer), action: "scan.rescan", outcome: "success", targetType: "account", targetId: accountId, detail: { scanId } }, request);
  return Response.json({ scanId }, { status: 202 });
});
