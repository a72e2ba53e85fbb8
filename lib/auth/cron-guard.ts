import "server-only";
import { systemClock } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { audit } from "./audit";
import { isAuthorizedCronRequest } from "./cron";
import { noStore } from "./no-store";
import { DenialWindow } from "./denial-window";
import { requestInfoFrom } from "./request-info";

// One process-wide window: an unauthenticated caller gets one denied row per source per minute, not one per call.
const denials = new DenialWindow();

/**
 * Guard for machine routes (/api/cron/**): Bearer CRON_SECRET, compared in constant time, no session.
 * Returns the 401 to send (and audits it, at most once a minute per source with a count of the rest),
 * or null when the caller may proceed. `now` is the request's instant (the clock's unless a test fixes it).
 */
export async function rejectUnlessCron(request: Request, now: Date = systemClock()): Promise<Response | null> {
  if (isAuthorizedCronRequest(request.headers.get("authorization"), getEnv().CRON_SECRET)) return null;
  const admission = denials.admit(requestInfoFrom(request.headers).ip ?? "unknown", now);
  if (admission.record) {
    await audit(
      {
        at: now,
        actor: "cron",
        action: "auth.denied",
        outcome: "denied",
        targetType: "route",
        targetId: new URL(request.url).pathname,
        detail: {
          method: request.method,
          reason: request.headers.has("authorization") ? "wrong bearer" : "no bearer",
          // Denials from this source since its previous row that got no row of their own.
          ...(admission.suppressed > 0 ? { suppressed: admission.suppressed } : {}),
        },
      },
      request,
    );
  }
  return noStore(Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } }));
}
