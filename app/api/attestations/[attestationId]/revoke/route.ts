// POST /api/attestations/[attestationId]/revoke — withdraw an attestation; the check needs one again.
import { z } from "zod";
import { requestInfoFrom } from "@/lib/auth/request-info";
import { withViewer } from "@/lib/auth/route-guard";
import { revokeAttestation } from "@/lib/db/workflow";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ attestationId: z.uuid("must be an attestation id") });

export const POST = withViewer<{ attestationId: string }>(async ({ request, viewer, params }) => {
  const { attestationId } = paramsSchema.parse(params);
  return Response.json({ attestation: await revokeAttestation(viewer, attestationId, requestInfoFrom(request.headers)) });
});
