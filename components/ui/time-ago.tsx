import { relativeTime, utcTime } from "@/lib/format";

/** "3 h ago", with the exact UTC time in the title and the machine-readable time in dateTime. */
export function TimeAgo({ at, now }: { at: Date | null; now?: Date }) {
  if (!at) return <span className="text-ink-muted">never</span>;
  return (
    <time dateTime={at.toISOString()} title={utcTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
