import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { listScanErrors, listScans } from "@/lib/db/scans";
import { formatDuration } from "@/lib/format";
import { RunningScan } from "./scans-client";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scans" };

const STATE_LABEL: Record<string, { icon: string; label: string; className: string }> = {
  queued: { icon: "…", label: "Queued", className: "text-ink-muted" },
  running: { icon: "↻", label: "Running", className: "text-ink" },
  succeeded: { icon: "✓", label: "Succeeded", className: "text-status-green" },
  partial: { icon: "▲", label: "Partial", className: "text-status-amber" },
  failed: { icon: "✕", label: "Failed", className: "text-status-red" },
};

export default async function ScansPage() {
  const viewer = await requirePageViewer();
  const scans = await listScans(viewer, 50);
  const errors = await listScanErrors(viewer, scans.map((scan) => scan.id));
  const running = scans.filter((scan) => scan.state === "queued" || scan.state === "running");
  return (
    <div className="space-y-8">
      <PageHeader title="Scans" description="Every scan of the organisation, newest first: what started it, how long it took, and which accounts could not be read." />
      {running.map((scan) => (
        <RunningScan key={scan.id} scanId={scan.id} trigger={scan.trigger} />
      ))}
      {scans.length === 0 ? (
        <EmptyState title="No scan has run yet">
          Run <code className="font-mono">npm run scan</code>, or wait for the scheduler.
        </EmptyState>
      ) : (
        <Card title="History">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">The last {scans.length} scans</caption>
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">Started</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Trigger</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">State</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Duration</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">OK</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Failed</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Skipped</th>
                  <th scope="col" className="py-2 font-semibold">Account errors</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {scans.map((scan) => {
                  const state = STATE_LABEL[scan.state] ?? STATE_LABEL.queued!;
                  const scanErrors = errors.filter((error) => error.scanId === scan.id);
                  return (
                    <tr key={scan.id} id={`scan-${scan.id}`} className="align-top target:bg-amber-50">
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <TimeAgo at={scan.startedAt ?? scan.createdAt} />
                      </td>
                      <td className="py-2 pr-4">
                        {scan.trigger}
                        {scan.requestedBy ? <div className="text-xs text-ink-muted">by {scan.requestedBy}</div> : null}
                        {scan.trigger === "backfill" ? <div className="text-xs text-ink-muted">as of {scan.asOf.toISOString().slice(0, 10)}</div> : null}
                      </td>
                      <td className={`py-2 pr-4 font-medium whitespace-nowrap ${state.className}`}>
                        <span aria-hidden>{state.icon} </span>
                        {state.label}
                        {scan.error ? <div className="text-xs font-normal text-ink">{scan.error}</div> : null}
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatDuration(scan.durationMs)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">
                        {scan.accountsOk + scan.accountsPartial}
                        <span className="text-ink-muted"> / {scan.accountsTotal}</span>
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">{scan.accountsFailed}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{scan.accountsSkipped}</td>
                      <td className="py-2">
                        {scanErrors.length === 0 ? (
                          <span className="text-ink-muted">none</span>
                        ) : (
                          <details>
                            <summary className="cursor-pointer">
                              {scanErrors.length} {scanErrors.length === 1 ? "account" : "accounts"}
                            </summary>
                            <ul className="mt-1 space-y-1">
                              {scanErrors.map((error) => (
                                <li key={error.accountId}>
                                  <a href={`/accounts/${error.accountId}`} className="font-medium underline">
                                    {error.name}
                                  </a>{" "}
                                  <span className="font-mono text-xs">{error.errorCode ?? error.status}</span>
                                  {error.errorMessage ? <div className="text-xs break-all text-ink-muted">{error.errorMessage}</div> : null}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
