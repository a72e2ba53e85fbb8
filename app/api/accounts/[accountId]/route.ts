// GET /api/accounts/[accountId] — one account's metadata, if the viewer may see it; 404 otherwise (also for another owner's account).
import { z } from "zod";
import { withViewer } from "@/lib/auth/route-guard";
import { getAccountForViewer } from "@/lib/db/accounts";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id") });

export const GET = withViewer<{ accountId: string }>(async ({ viewer, params }) => {
  const { accountId } = paramsSchema.parse(params);
  return Response.json(await getAccountForViewer(viewer, accountId));
});
