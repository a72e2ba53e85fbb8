// POST /api/accounts/[accountId]/exceptions — record an exception (risk acceptance) on a failing check.
// Body: { checkId, resourceId?, category, reason, expiresOn: "YYYY-MM-DD" }. 201 + the exception.
import { z } from "zod";
import { readJsonBody } from "@/lib/auth/json-body";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { withViewer } from "@/lib/auth/route-guard";
import { assertCan } from "@/lib/auth/viewer";
import { recordException } from "@/lib/db/workflow";
import { accountIdSchema } from "@/lib/route-params";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ accountId: accountIdSchema });

export const POST = withViewer<{ accountId: string }>(async ({ request, viewer, params }) => {
  const { accountId } = paramsSchema.parse(params);
  // The role before the body: a viewer's request is refused without reading what it sent.
  assertCan(viewer, "exception");
  const exception = await recordException(viewer, accountId, await readJsonBody(request), requestInfoFrom(request.headers));
  return Response.json({ exception }, { status: 201 });
});
