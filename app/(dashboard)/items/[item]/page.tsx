import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { ITEM_SHORT, itemTitle } from "@/components/scorecard/item-labels";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { changeOver, lastDays, passRateSeries } from "@/lib/charts/trend";
import { getItemAcrossOrg } from "@/lib/db/item-details";
import { getOrgTrend } from "@/lib/db/trends";
import { formatDelta, formatScore } from "@/lib/format";
import { getItemGuidance } from "@/lib/guidance";
import { LIST_PAGE_SIZE, pageOf, pageParamSchema } from "@/lib/paging";
import { itemSchema } from "@/lib/route-params";
import { CHECK_BY_ID } from "@/lib/scoring/catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ item: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = itemSchema.safeParse((await params).item);
  return { title: item.success ? `Item ${item.data}: ${ITEM_SHORT[item.data]}` : "Item" };
}

const checkTitle = (id: string) => CHECK_BY_ID[id as keyof typeof CHECK_BY_ID]?.title ?? id;

export default async function ItemAcrossOrgPage({ params, searchParams }: Props) {
  const parsed = itemSchema.safeParse((await params).item);
  if (!parsed.success) notFound();
  const item = parsed.data;
  const viewer = await requirePageViewer();
  const [trend, across] = await Promise.all([getOrgTrend(viewer, 366), getItemAcrossOrg(viewer, item)]);
  const passRates = passRateSeries(trend, item);
  const current = passRates.filter((point) => point.score !== null).at(-1)?.score ?? null;
  const failingAccounts = across.accounts.filter((row) => row.status === "red" || row.status === "amber");
  const shown = pageOf(across.accounts, pageParamSchema.parse((await searchParams).page), LIST_PAGE_SIZE);
  const guidance = getItemGuidance(item);
  return (
    <div className="space-y-8">
      <PageHeader eyebrow={`Item ${item} of 10`} title={itemTitle(item)} description={guidance?.summary} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Accounts passing">
          <p className="text-6xl font-semibold tabular-nums">
            {current === null ? "—" : `${current}%`}
          </p>
          <p className="mt-2 text-sm text-ink-muted">
            {across.accounts.length - failingAccounts.length} of {across.accounts.length} accounts pass · {formatDelta(changeOver(passRates, 30))} points in 30 days
          </p>
          {guidance ? <p className="mt-4 text-sm leading-relaxed">{guidance.whyItMatters}</p> : null}
        </Card>
        <Card title="Pass rate, last 365 days (% of accounts)" className="lg:col-span-2">
          {passRates.length === 0 ? <EmptyState title="No history yet" /> : <ScoreTrendChart points={lastDays(passRates, 365)} label={`Item ${item} pass rate, % of accounts`} height={220} amberAt={null} />}
        </Card>
      </div>

      <Card title="Accounts and their failing checks">
        {across.accounts.length === 0 ? (
          <EmptyState title="No account has been scored on this item yet" />
        ) : (
          <div className="space-y-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Each account&apos;s status on item {item}, worst first, with the checks that fail</caption>
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">Account</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Score</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Failing checks</th>
                  <th scope="col" className="py-2 font-semibold">Owner</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.rows.map((row) => (
                  <tr key={row.accountId}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link href={`/accounts/${row.accountId}/items/${item}`} className="rounded hover:underline">
                        {row.name}
                      </Link>
                      <div className="text-xs font-normal text-ink-muted">{row.ouPath}</div>
                    </th>
                    <td className="py-2 pr-4 text-right text-lg font-semibold tabular-nums" title={row.explanation}>
                      {formatScore(row.score)}
                    </td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={row.status} size="sm" />
                    </td>
                    <td className="py-2 pr-4">
                      {row.failing.length === 0 ? (
                        <span className="text-ink-muted">none</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {row.failing.map((check) => (
                            <li key={check.checkId}>
                              <span aria-hidden className={check.result === "fail" ? "text-status-red" : "text-status-amber"}>
                                {check.result === "fail" ? "✕ " : "▲ "}
                              </span>
                              {checkTitle(check.checkId)}{" "}
                              <span className="text-ink-muted">
                                ({check.result === "fail" ? "failing" : "warning"} since <TimeAgo at={check.since} />)
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2">{row.owner ?? <span className="text-ink-muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={shown} noun="accounts" hrefFor={(page) => (page > 1 ? `/items/${item}?page=${page}` : `/items/${item}`)} />
          </div>
        )}
      </Card>

      <Card title="Most common failing resources">
        {across.resources.length === 0 ? (
          <p className="text-ink-muted">No failing resources in the latest scans.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Resources behind failing checks of item {item}, by number of accounts</caption>
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Check</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Resource</th>
                <th scope="col" className="py-2 text-right font-semibold">Accounts</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {across.resources.map((resource) => (
                <tr key={`${resource.checkId}-${resource.kind}-${resource.id}-${resource.region}`}>
                  <td className="py-2 pr-4">{checkTitle(resource.checkId)}</td>
                  <td className="py-2 pr-4">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{resource.kind}</span>
                    <span className="font-mono break-all">{resource.id}</span>
                    {resource.region ? <span className="ml-2 text-ink-muted">{resource.region}</span> : null}
                    {resource.detail ? <div className="text-ink-muted">{resource.detail}</div> : null}
                  </td>
                  <td className="py-2 text-right tabular-nums">{resource.accounts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
