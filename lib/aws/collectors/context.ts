// What every collector gets: the account's clients, its enabled Regions and the scan settings.
import type { NotApplicable, Regional } from "@/lib/scoring/evidence";
import type { ClientFactory } from "../clients";
import { isAbortError, regionalFailure } from "../errors";
import type { AwsSettings } from "../settings";

export type CollectorContext = {
  accountId: string;
  clients: ClientFactory;
  settings: AwsSettings;
  /** Enabled ∩ allow-listed Regions. */
  regions: string[];
  now: Date;
};

/** Marks a Region result as "not applicable" from inside a regional collector. */
export class NotApplicableSignal {
  constructor(readonly reason: string) {}
}

/**
 * Run `fn` in every Region in parallel. A thrown error becomes a Collected failure (tagged action or
 * `defaultAction`), a Region-disabled error becomes notApplicable; a returned NotApplicableSignal too.
 */
export async function perRegion<T>(
  regions: readonly string[],
  defaultAction: string,
  fn: (region: string) => Promise<T | NotApplicableSignal>,
): Promise<Regional<T>> {
  const entries = await Promise.all(
    regions.map(async (region): Promise<[string, Regional<T>[string]]> => {
      try {
        const v = await fn(region);
        if (v instanceof NotApplicableSignal) return [region, { notApplicable: v.reason } satisfies NotApplicable];
        return [region, { ok: true, value: v }];
      } catch (err) {
        if (isAbortError(err)) throw err;
        return [region, regionalFailure<T>(err, defaultAction, region)];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** ISO string of an SDK Date (or a date string as some services return). */
export function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (typeof d === "string") {
    const t = Date.parse(d);
    return Number.isNaN(t) ? d : new Date(t).toISOString();
  }
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Drop undefined members so evidence stays exact JSON (no `key: undefined`). */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
