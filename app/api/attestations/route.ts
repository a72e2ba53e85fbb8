// POST /api/attestations — attest a manual check for one or many of the viewer's accounts.
// Body: { checkId, accountIds: [...], statement, evidenceUrl?, validDays? }. 201 + the attestations.
import { readJsonBody } from "@/lib/auth/json-body";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { withViewer } from "@/lib/auth/route-guard";
import { assertCan } from "@/lib/auth/viewer";
import { recordAttestations } from "@/lib/db/workflow";

export const dynamic = "force-dynamic";

export const POST = withViewer(async ({ request, viewer }) => {
  // The role before the body: a viewer's request is refused without reading what it sent.
  assertCan(viewer, "attestation");
  const attestations = await recordAttestations(viewer, await readJsonBody(request), requestInfoFrom(request.headers));
  return Response.json({ attestations }, { status: 201 });
});
