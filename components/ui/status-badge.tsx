import type { ItemStatus } from "@/lib/scoring/types";

// Status is always icon + label + colour, never colour alone.
export const STATUS_META: Record<ItemStatus, { icon: string; label: string; text: string; bg: string; border: string }> = {
  green: { icon: "✓", label: "Pass", text: "text-status-green", bg: "bg-status-green/10", border: "border-status-green/40" },
  amber: { icon: "▲", label: "Partial", text: "text-status-amber", bg: "bg-status-amber/10", border: "border-status-amber/40" },
  red: { icon: "✕", label: "Failing", text: "text-status-red", bg: "bg-status-red/10", border: "border-status-red/40" },
  grey: { icon: "–", label: "No data", text: "text-status-grey", bg: "bg-status-grey/10", border: "border-status-grey/40" },
};

export function StatusBadge({ status, size = "md" }: { status: ItemStatus; size?: "sm" | "md" }) {
  const meta = STATUS_META[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border font-medium whitespace-nowrap ${meta.text} ${meta.bg} ${meta.border} ${
        size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-0.5 text-sm"
      }`}
    >
      <span aria-hidden>{meta.icon}</span>
      {meta.label}
    </span>
  );
}

export const RESULT_META: Record<string, { icon: string; label: string; status: ItemStatus }> = {
  pass: { icon: "✓", label: "Pass", status: "green" },
  excepted: { icon: "✓", label: "Excepted", status: "green" },
  attested: { icon: "✓", label: "Attested", status: "green" },
  warn: { icon: "▲", label: "Warning", status: "amber" },
  fail: { icon: "✕", label: "Fail", status: "red" },
  unknown: { icon: "?", label: "Unknown", status: "grey" },
  not_applicable: { icon: "–", label: "Not applicable", status: "grey" },
};

export function ResultBadge({ result }: { result: string }) {
  const meta = RESULT_META[result] ?? { icon: "?", label: result, status: "grey" as const };
  const colours = STATUS_META[meta.status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${colours.text} ${colours.bg} ${colours.border}`}>
      <span aria-hidden>{meta.icon}</span>
      {meta.label}
    </span>
  );
}
