"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isRunning, progressText, useScanProgress } from "@/components/scans/use-scan-progress";

/** A running scan's live progress; reloads the history once it finishes. */
export function RunningScan({ scanId, trigger }: { scanId: string; trigger: string }) {
  const router = useRouter();
  const { data } = useScanProgress(scanId);
  const done = useRef(false);
  useEffect(() => {
    if (data && !isRunning(data.state) && !done.current) {
      done.current = true;
      router.refresh();
    }
  }, [data, router]);
  return (
    <section aria-label="Running scan" className="rounded-xl border border-slate-300 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">Scan in progress ({trigger})</h2>
      <div className="mt-2 flex items-center gap-3">
        {data && data.accountsTotal > 0 ? <progress max={data.accountsTotal} value={data.done} aria-label="Scan progress" className="w-64" /> : null}
        <p role="status" aria-live="polite" className="text-sm">
          {progressText(data)}
        </p>
      </div>
    </section>
  );
}
