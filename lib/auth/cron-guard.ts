import "server-only";
import { getEnv } from "@/lib/env";
import { audit } from "./audit";
import { isAuthorizedCronRequest } from "./cron";

/**
 * Guard for machine routes (/api/cron/**): Bearer CRON_SECRET, compared in constant time, no session.
 * Returns the 401 to send (and audits it), or null when the caller may proceed.
 */
export async function rejectUnlessCron(request: Request): Promise<Response | null> {
  if (isAuthorizedCronRequest(request.headers.get("authorization"), getEnv().CRON_SECRET)) return null;
  const path = new URL(request.url).pathname;
  await audit(
    {
      actor: "cron",
      action: "auth.denied",
      outcome: "denied",
      targetType: "route",
      targetId: path,
      detail: { method: request.method, reason: request.headers.has("authorization") ? "wrong bearer" : "no bearer" },
    },
    request,
  );
  return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
}
