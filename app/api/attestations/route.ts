// POST /api/attestations — attest a manual check for one or many of the viewer's accounts.
// Body: { checkId, accountIds: [...], statement, evidenceUrl?, validDays? }. 201 + the attestations.
import { readJsonBody } from "@/lib/auth/json-body";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { withViewer } from "@/lib/auth/route-guard";
import { recordAttestations } from "@/lib/db/workflow";

export const dynamic = "force-dynamic";

export const POST = withViewer(async ({ request, viewer }) => {
  const attestations = await recordAttestations(viewer, await readJsonBody(request), requestInfoFrom(request.headers));
  return Response.json({ attestations }, { status: 201 });
});
