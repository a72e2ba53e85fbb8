import type { ReactNode } from "react";

const TONES = {
  info: "border-slate-300 bg-white text-ink",
  warning: "border-status-amber/50 bg-status-amber/10 text-ink",
  error: "border-status-red/50 bg-status-red/10 text-ink",
} as const;

export function Notice({ tone = "info", title, children }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "info" ? "status" : "alert"} className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
