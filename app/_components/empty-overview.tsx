import { Card } from "@/components/ui/card";
import { CodeLine } from "@/components/ui/code-line";

/** What the CISO sees before the first scan: what will appear here and how to get it. */
export function EmptyOverview({ schedule }: { schedule: string }) {
  return (
    <Card className="mx-auto max-w-2xl">
      <h2 className="text-xl font-semibold">No scan yet</h2>
      <p className="mt-2 text-ink-muted">
        Tenfold has not scored any account so far. Once a scan has run, this page shows the organisation&apos;s
        score on AWS&apos;s top 10 security items, how it moved over 7 and 30 days, and which accounts need attention.
      </p>
      <h3 className="mt-6 font-medium">Run the first scan</h3>
      <p className="mt-1 text-sm text-ink-muted">From the project folder, with AWS credentials for the management account:</p>
      <div className="mt-2">
        <CodeLine>npm run scan</CodeLine>
      </div>
      <p className="mt-4 text-sm text-ink-muted">
        Otherwise the built-in scheduler runs one on its schedule (<code className="font-mono">{schedule}</code>, set by{" "}
        <code className="font-mono">TENFOLD_SCHEDULE</code>).
      </p>
    </Card>
  );
}
