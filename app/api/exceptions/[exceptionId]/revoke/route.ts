// POST /api/exceptions/[exceptionId]/revoke — end an exception now; the check shows its real result again.
import { z } from "zod";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { withViewer } from "@/lib/auth/route-guard";
import { revokeException } from "@/lib/db/workflow";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ exceptionId: z.uuid("must be an exception id") });

export const POST = withViewer<{ exceptionId: string }>(async ({ request, viewer, params }) => {
  const { exceptionId } = paramsSchema.parse(params);
  return Response.json({ exception: await revokeException(viewer, exceptionId, requestInfoFrom(request.headers)) });
});
