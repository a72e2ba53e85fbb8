// At most one audit row per source per window for repeated denials (an unauthenticated caller hammering
// /api/cron/*): later denials in the window are only counted, and the count rides on the source's next
// row. Pure: the caller passes `now`. Memory is bounded: past maxSources, new sources share one bucket.

export type Admission = { record: true; suppressed: number } | { record: false };

export const OVERFLOW_SOURCE = "(other sources)";

export class DenialWindow {
  private readonly sources = new Map<string, { start: number; suppressed: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly maxSources = 1000,
  ) {}

  /** Whether to write a row for this denial now, and how many denials from the source went unrecorded before it. */
  admit(source: string, now: Date): Admission {
    const at = now.getTime();
    const key = this.sources.has(source) || this.makeRoom(at) ? source : OVERFLOW_SOURCE;
    const entry = this.sources.get(key);
    if (entry && at - entry.start < this.windowMs) {
      entry.suppressed += 1;
      return { record: false };
    }
    this.sources.set(key, { start: at, suppressed: 0 });
    return { record: true, suppressed: entry?.suppressed ?? 0 };
  }

  /** Frees the slots of sources whose window ended with nothing counted; true when a new source fits. */
  private makeRoom(at: number): boolean {
    if (this.sources.size < this.maxSources) return true;
    for (const [source, entry] of this.sources) {
      if (entry.suppressed === 0 && at - entry.start >= this.windowMs) this.sources.delete(source);
    }
    return this.sources.size < this.maxSources;
  }
}
