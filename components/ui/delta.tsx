import { formatDelta } from "@/lib/format";

/** A signed change with its arrow; colour follows the direction but the arrow and sign carry it too. */
export function Delta({ value, label }: { value: number | null; label?: string }) {
  const rounded = value === null ? null : Math.round(value);
  const colour = rounded === null || rounded === 0 ? "text-ink-muted" : rounded > 0 ? "text-status-green" : "text-status-red";
  return (
    <span className={`font-medium tabular-nums ${colour}`}>
      {formatDelta(value)}
      {label ? <span className="ml-1 font-normal text-ink-muted">{label}</span> : null}
    </span>
  );
}
