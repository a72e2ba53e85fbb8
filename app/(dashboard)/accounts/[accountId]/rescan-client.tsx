"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isRunning, progressText, useScanProgress } from "@/components/scans/use-scan-progress";
import { formatScore } from "@/lib/format";

/** "Rescan now": starts a one-account scan, shows its progress live, then reloads the page's data. */
export function RescanButton({ accountId }: { accountId: string }) {
  const router = useRouter();
  const [scanId, setScanId] = useState<string | null>(null);
  const refreshed = useRef<string | null>(null);
  const start = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/accounts/${accountId}/rescan`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { scanId?: string; error?: string };
      if (!response.ok || !body.scanId) throw new Error(body.error ?? `HTTP ${response.status}`);
      return body.scanId;
    },
    onSuccess: (id) => setScanId(id),
  });
  const progress = useScanProgress(scanId);
  const scan = progress.data;
  const running = start.isPending || (scanId !== null && (!scan || isRunning(scan.state)));

  useEffect(() => {
    if (scan && !isRunning(scan.state) && refreshed.current !== scan.id) {
      refreshed.current = scan.id;
      router.refresh();
    }
  }, [scan, router]);

  const outcome = scan?.result?.accounts.find((account) => account.accountId === accountId);
  let message = "";
  if (start.isError) message = `Could not start a rescan: ${start.error.message}`;
  else if (progress.isError) message = "Lost track of the scan; reload the page to see its result.";
  else if (scanId) {
    message = progressText(scan);
    if (outcome?.error) message += ` — ${outcome.error.code}: ${outcome.error.message}`;
    else if (scan && !isRunning(scan.state) && outcome) message += `: score ${formatScore(outcome.score)}, page updated.`;
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        onClick={() => start.mutate()}
        disabled={running}
        className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:cursor-wait disabled:bg-slate-500"
      >
        {running ? "Rescanning…" : "Rescan now"}
      </button>
      <p role="status" aria-live="polite" className="max-w-sm text-right text-sm text-ink-muted">
        {running && scan?.state === "running" && scan.accountsTotal > 0 ? (
          <progress className="mr-2 align-middle" max={scan.accountsTotal} value={scan.done} aria-label="Rescan progress" />
        ) : null}
        {message}
      </p>
    </div>
  );
}
