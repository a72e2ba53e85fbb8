import "server-only";
import { headers } from "next/headers";
import { recordAudit, type AuditEntry } from "@/db/store/audit";
import { systemClock } from "@/lib/clock";
import { getDb } from "@/lib/db/connection";
import { requestInfoFrom } from "./request-info";
import type { Viewer } from "./viewer";

export type { AuditAction, AuditEntry } from "@/db/store/audit";

/** The audit actor for a viewer: their email, else their user id. */
export function actorOf(viewer: Viewer | null): string {
  if (!viewer) return "anonymous";
  if (viewer.demo) return "demo";
  return viewer.email ?? `user:${viewer.id}`;
}

/**
 * Records an audit entry with the request's address and user agent. A failing audit write is logged
 * and does not turn the user's action into an error; callers that must not proceed unaudited
 * (exceptions, attestations) call recordAudit inside their own transaction instead.
 */
export async function audit(entry: Omit<AuditEntry, "ip" | "userAgent" | "at"> & { at?: Date }, request?: Request): Promise<void> {
  try {
    const info = requestInfoFrom(request ? request.headers : await headers());
    await recordAudit(await getDb(), { ...entry, ...info, at: entry.at ?? systemClock() });
  } catch (error) {
    console.error(`audit: could not record ${entry.action} by ${entry.actor}: ${(error as Error).message}`);
  }
}
