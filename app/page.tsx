import { getOrgOverview } from "@/lib/db/overview";
import { getEnv } from "@/lib/env";
import { Card } from "@/components/ui/card";
import { EmptyOverview } from "./_components/empty-overview";

// Reads live data on every request; nothing here may be frozen at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const overview = await getOrgOverview();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organisation overview</h1>
        <p className="text-sm text-ink-muted">AWS&apos;s top 10 security items, scored for every account.</p>
      </div>
      {overview.scanCount === 0 ? (
        <EmptyOverview schedule={getEnv().TENFOLD_SCHEDULE} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <Card title="Organisation score">
            <p className="text-4xl font-semibold">
              {overview.latestDay?.score == null ? "—" : Math.round(overview.latestDay.score)}
            </p>
          </Card>
          <Card title="Accounts">
            <p className="text-4xl font-semibold">{overview.accountCount}</p>
          </Card>
          <Card title="Scans">
            <p className="text-4xl font-semibold">{overview.scanCount}</p>
          </Card>
        </div>
      )}
    </div>
  );
}
