// GET /api/scans/[scanId] — a scan's progress and, once finished, its result for the accounts the viewer may see.
import { z } from "zod";
import { withViewer } from "@/lib/auth/route-guard";
import { getScanProgress } from "@/lib/db/scans";
import { scanIdSchema } from "@/lib/route-params";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ scanId: scanIdSchema });

export const GET = withViewer<{ scanId: string }>(async ({ viewer, params }) => {
  const { scanId } = paramsSchema.parse(params);
  return Response.json(await getScanProgress(viewer, scanId), { headers: { "cache-control": "no-store" } });
});
