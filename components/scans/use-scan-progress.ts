"use client";
import { useQuery } from "@tanstack/react-query";

export type ScanProgressDto = {
  id: string;
  trigger: string;
  state: "queued" | "running" | "succeeded" | "partial" | "failed";
  accountsTotal: number;
  done: number;
  accountsFailed: number;
  finishedAt: string | null;
  error: string | null;
  result: { accounts: { accountId: string; name: string; status: string; score: number | null; error: { code: string; message: string } | null }[] } | null;
};

export const isRunning = (state: string | undefined) => state === "queued" || state === "running";

/** Polls GET /api/scans/<id> every second while the scan runs; stops once it has finished. */
export function useScanProgress(scanId: string | null) {
  return useQuery({
    queryKey: ["scan", scanId],
    enabled: scanId !== null,
    queryFn: async (): Promise<ScanProgressDto> => {
      const response = await fetch(`/api/scans/${scanId}`, { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`scan progress: HTTP ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) => (isRunning(query.state.data?.state) || !query.state.data ? 1000 : false),
  });
}

export function progressText(scan: ScanProgressDto | undefined): string {
  if (!scan) return "Starting…";
  if (scan.state === "queued") return "Queued: waiting for a worker…";
  if (scan.state === "running") return `Scanning: ${scan.done} of ${scan.accountsTotal || "?"} ${scan.accountsTotal === 1 ? "account" : "accounts"} done…`;
  if (scan.state === "failed") return `Scan failed${scan.error ? `: ${scan.error}` : ""}`;
  if (scan.state === "partial") return `Finished with errors: ${scan.accountsFailed} of ${scan.accountsTotal} accounts could not be scanned`;
  return "Scan finished";
}
