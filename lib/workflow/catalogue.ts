import { CHECKS, type CheckDef } from "@/lib/scoring/catalogue";

/** The manual (★) checks: only an owner's attestation can make them pass. */
export const MANUAL_CHECK_IDS: readonly string[] = (CHECKS as readonly CheckDef[]).filter((check) => check.manual === true).map((check) => check.id);
