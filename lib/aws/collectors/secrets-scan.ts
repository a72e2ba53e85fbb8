// Shared helpers for item 3: run the detector (secretlint + the spec's patterns) in memory and keep only
// hits, counts and references.
import type { ScannedResource, SecretScan } from "@/lib/scoring/evidence";
import { detectSecrets, isReference, scanUserDataParts, userDataParts, type LintMatch, type SecretHit } from "@/lib/scoring/secrets/detector";
import { SECRETS_SCAN_IGNORE_TAG } from "@/lib/scoring/secrets/patterns";
import { lintText } from "./secretlint";

type Tags = { key?: string; value?: string }[] | Record<string, string> | undefined;
type Resource = { arn: string; name?: string | undefined; ignoreTag?: boolean };
type Pair = { location: string; name: string; value: string | undefined };

/** Whether the resource carries `tenfold:secrets-scan=ignore` (its hits then ask for an exception; they still count). */
export function hasIgnoreTag(tags: Tags): boolean {
  if (tags === undefined) return false;
  const list = Array.isArray(tags) ? tags : Object.entries(tags).map(([key, value]) => ({ key, value }));
  return list.some((t) => t.key === SECRETS_SCAN_IGNORE_TAG.key && t.value === SECRETS_SCAN_IGNORE_TAG.value);
}

/** secretlint over `NAME=value` lines (its AWS rule wants the name), its reports handed back per pair. */
async function lintPairs(pairs: { name: string; value: string }[]): Promise<LintMatch[][]> {
  let text = "";
  const starts = pairs.map((p) => {
    text += `${p.name}=`;
    const start = text.length;
    text += `${p.value}\n`;
    return start;
  });
  const matches = await lintText(text);
  return pairs.map((p, i) => {
    const start = starts[i] ?? 0;
    const end = start + p.value.length;
    return matches.filter((m) => m.end > start && m.start < end).map((m) => ({ ...m, start: m.start - start, end: m.end - start }));
  });
}

/**
 * Accumulates one service's scan in one Region. `scanned` counts the resources whose settings were read
 * and scanned; an unreadable one goes to `addError` instead, so it is counted once (as unreadable) only.
 */
export class SecretScanBuilder {
  total = 0;
  scanned = 0;
  references = 0;
  readonly flagged: ScannedResource[] = [];

  constructor(private readonly salt: string) {}

  /** Scan name/value pairs of one resource; values never leave this function. */
  async scanPairs(resource: Resource, pairs: Pair[]): Promise<SecretHit[]> {
    const values: { location: string; name: string; value: string }[] = [];
    for (const p of pairs) {
      if (p.value === undefined) continue;
      if (isReference(p.value)) this.references++;
      else values.push({ location: p.location, name: p.name, value: p.value });
    }
    const lint = await lintPairs(values);
    const hits = values.flatMap((p, i) => detectSecrets(p, this.salt, lint[i]));
    this.scanned++;
    this.addHits(resource, hits);
    return hits;
  }

  /** Scan one base64 user data value (decoded, gunzipped, MIME parts split); throws on corrupt gzip. */
  async scanUserData(resource: Resource, location: string, userDataBase64: string): Promise<void> {
    const parts = userDataParts(userDataBase64);
    const lint = await Promise.all(parts.map((part) => lintText(part)));
    const { hits, references } = scanUserDataParts({ location, parts }, this.salt, lint);
    this.scanned++;
    this.references += references;
    this.addHits(resource, hits);
  }

  addHits(resource: Resource, hits: SecretHit[]): void {
    if (hits.length === 0) return;
    const r: ScannedResource = { arn: resource.arn, hits };
    if (resource.name !== undefined) r.name = resource.name;
    if (resource.ignoreTag) r.ignoreTag = true;
    this.flagged.push(r);
  }

  /** Marks an already flagged resource as carrying the ignore tag (Lambda reads tags only for flagged functions). */
  markIgnoreTag(arn: string): void {
    for (const r of this.flagged) if (r.arn === arn) r.ignoreTag = true;
  }

  addError(resource: Resource, error: { code: string; message: string }): void {
    const r: ScannedResource = { arn: resource.arn, hits: [], error };
    if (resource.name !== undefined) r.name = resource.name;
    this.flagged.push(r);
  }

  build(): SecretScan {
    return { total: this.total, scanned: this.scanned, flagged: this.flagged, references: this.references };
  }
}
