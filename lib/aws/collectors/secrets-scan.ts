// Shared helpers for item 3: run the detector in memory and keep only hits, counts and references.
import type { ScannedResource, SecretScan } from "@/lib/scoring/evidence";
import { detectSecrets, isReference, type SecretHit } from "@/lib/scoring/secrets/detector";

export const IGNORE_TAG = "tenfold:secrets-scan";

export function isIgnoredByTags(tags: { key?: string; value?: string }[] | Record<string, string> | undefined): boolean {
  if (tags === undefined) return false;
  const list = Array.isArray(tags) ? tags : Object.entries(tags).map(([key, value]) => ({ key, value }));
  return list.some((t) => t.key === IGNORE_TAG && t.value === "ignore");
}

/** Accumulates one service's scan in one Region. */
export class SecretScanBuilder {
  total = 0;
  scanned = 0;
  references = 0;
  readonly flagged: ScannedResource[] = [];

  constructor(private readonly salt: string) {}

  /** Scan name/value pairs of one resource; values never leave this function. */
  scanPairs(resource: { arn: string; name?: string; ignored?: boolean }, pairs: { location: string; name: string; value: string | undefined }[]): void {
    const hits: SecretHit[] = [];
    for (const p of pairs) {
      if (p.value === undefined) continue;
      if (isReference(p.value)) {
        this.references++;
        continue;
      }
      hits.push(...detectSecrets({ location: p.location, name: p.name, value: p.value }, this.salt));
    }
    this.addHits(resource, hits);
  }

  addHits(resource: { arn: string; name?: string; ignored?: boolean }, hits: SecretHit[]): void {
    if (hits.length === 0) return;
    const r: ScannedResource = { arn: resource.arn, hits };
    if (resource.name !== undefined) r.name = resource.name;
    if (resource.ignored) r.ignored = true;
    this.flagged.push(r);
  }

  addError(resource: { arn: string; name?: string }, error: { code: string; message: string }): void {
    const r: ScannedResource = { arn: resource.arn, hits: [], error };
    if (resource.name !== undefined) r.name = resource.name;
    this.flagged.push(r);
  }

  build(): SecretScan {
    return { total: this.total, scanned: this.scanned, flagged: this.flagged, references: this.references };
  }
}
