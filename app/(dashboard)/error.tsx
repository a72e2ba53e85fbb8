"use client";
import { Notice } from "@/components/ui/notice";

// Shown when a dashboard page fails to render; the details are in the server log, never on screen.
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
      <Notice tone="error" title="Something went wrong while reading the scan data.">
        Try again; if it keeps failing, the server log has the details.
      </Notice>
      <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2">
        Try again
      </button>
    </div>
  );
}
