import { Suspense } from "react";
import { z } from "zod";
import { LoadingBlock } from "@/components/ui/skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { getOrgOverview } from "@/lib/db/overview";
import { getEnv } from "@/lib/env";
import { EmptyOverview } from "../_components/empty-overview";
import { DistributionCard, FreshnessLine, HeatmapCard, ItemTiles, OrgScoreCard, TrendCard, WorstAccountsCard } from "./_components/overview-widgets";

export const dynamic = "force-dynamic";

// Bad values fall back to the defaults: the overview never fails on a hand-edited URL.
const searchSchema = z.object({
  range: z.coerce.number().pipe(z.union([z.literal(30), z.literal(90), z.literal(365)])).catch(90),
  item: z.coerce.number().int().min(1).max(10).nullable().catch(null),
});

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const raw = await searchParams;
  const { range, item } = searchSchema.parse({ range: raw.range ?? 90, item: raw.item ?? null });
  const overview = await getOrgOverview(viewer);
  const own = overview.scope === "own";
  return (
    <div className="space-y-8">
      <PageHeader
        title="Organisation overview"
        description={own ? "AWS's top 10 security items, scored for the accounts you own." : "AWS's top 10 security items, scored for every account of the organisation."}
        actions={
          <Suspense fallback={null}>
            <FreshnessLine viewer={viewer} />
          </Suspense>
        }
      />
      {overview.scanCount === 0 ? (
        <EmptyOverview schedule={getEnv().TENFOLD_SCHEDULE} />
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-3">
            <Suspense fallback={<LoadingBlock label="Loading the score" className="h-64" />}>
              <OrgScoreCard viewer={viewer} range={range} />
            </Suspense>
            <Suspense fallback={<LoadingBlock label="Loading the distribution" className="h-64" />}>
              <DistributionCard viewer={viewer} />
            </Suspense>
            <Suspense fallback={<LoadingBlock label="Loading the accounts that need attention" className="h-64" />}>
              <WorstAccountsCard viewer={viewer} />
            </Suspense>
          </div>
          <Suspense fallback={<LoadingBlock label="Loading the items" className="h-56" />}>
            <ItemTiles viewer={viewer} range={range} />
          </Suspense>
          <Suspense fallback={<LoadingBlock label="Loading the trend" className="h-80" />}>
            <TrendCard viewer={viewer} range={range} item={item} />
          </Suspense>
          <Suspense fallback={<LoadingBlock label="Loading the heatmap" className="h-96" />}>
            <HeatmapCard viewer={viewer} />
          </Suspense>
        </>
      )}
    </div>
  );
}
