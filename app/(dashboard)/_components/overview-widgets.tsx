import type { ReactNode } from "react";
import Link from "next/link";
import { AccountScoreDistributionChart } from "@/components/charts/account-score-distribution-chart";
import { ItemScoreSparklineChart } from "@/components/charts/item-score-sparkline-chart";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { AccountsHeatmap } from "@/components/scorecard/accounts-heatmap";
import { CoverageValue } from "@/components/scorecard/coverage-value";
import { ITEM_SHORT, itemTitle } from "@/components/scorecard/item-labels";
import { Card } from "@/components/ui/card";
import { Delta } from "@/components/ui/delta";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { Viewer } from "@/lib/auth/viewer";
import { changeOver, lastDays, scoreDistribution, trendSeries } from "@/lib/charts/trend";
import { listAccountSummaries, type AccountSummaryRow } from "@/lib/db/account-summaries";
import { listFailedReads, type FailedRead } from "@/lib/db/failed-reads";
import { getStatusThresholds } from "@/lib/db/status";
import { getFreshness, getOrgTrend } from "@/lib/db/trends";
import { formatCoverage, formatScore } from "@/lib/format";
import { statusOf } from "@/lib/scoring";
import { accountStatus, COVERAGE_ATTENTION, lowCoverage } from "@/lib/scoring/account-status";

/**
 * Days of trend the overview reads: the chosen range, and at least the 90 days of the tiles' sparklines
 * (+1 for the day the 30-day change starts from). One value for every widget, so they share one read
 * (getOrgTrend is cached per request by its arguments) and a 90-day view does not read a year.
 */
const trendDaysFor = (range: number) => Math.max(range, 90) + 1;
/** Rows of the overview's heatmap: the worst accounts; the full list is the Accounts page. */
export const HEATMAP_ROWS = 50;

export async function FreshnessLine({ viewer }: { viewer: Viewer }) {
  const [freshness, accounts] = await Promise.all([getFreshness(), listAccountSummaries(viewer)]);
  const stale = accounts.filter((account) => account.stale).length;
  const last = freshness.lastFullScan;
  return (
    <p className="text-sm text-ink-muted">
      {last?.finishedAt ? (
        <>
          Last full scan <TimeAgo at={last.finishedAt} />
        </>
      ) : (
        "No full scan has finished yet"
      )}
      {stale > 0 ? (
        <>
          {" · "}
          <Link href="/accounts?sort=scanned" className="font-medium text-status-red underline">
            <span aria-hidden>✕ </span>
            {stale} {stale === 1 ? "account" : "accounts"} unreachable
          </Link>
        </>
      ) : null}
      {freshness.running ? (
        <>
          {" · "}
          <Link href="/scans" className="underline">
            a scan is running
          </Link>
        </>
      ) : null}
    </p>
  );
}

export async function OrgScoreCard({ viewer, range }: { viewer: Viewer; range: number }) {
  const [trend, accounts] = await Promise.all([getOrgTrend(viewer, trendDaysFor(range)), listAccountSummaries(viewer)]);
  const series = trendSeries(trend);
  const latest = series.filter((point) => point.score !== null).at(-1)?.score ?? null;
  const scored = accounts.filter((account) => account.score !== null);
  // Green only when every scored account is: a perfect mean with an account read in part is not a pass.
  const status = accountStatus(latest, null, scored.some((account) => account.status !== "green"), getStatusThresholds());
  const partlyRead = scored.filter((account) => lowCoverage(account.coverage)).length;
  return (
    <Card title={viewer.role === "owner" ? "Score of your accounts" : "Organisation score"}>
      <div className="flex items-end gap-3">
        <p className="text-6xl font-semibold tabular-nums" aria-label={`Score ${formatScore(latest)} out of 100`}>
          {formatScore(latest)}
        </p>
        <span className="mb-2 text-ink-muted">/ 100</span>
      </div>
      <div className="mt-2">
        <StatusBadge status={status} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-ink-muted">7 days</dt>
          <dd className="text-lg">
            <Delta value={changeOver(series, 7)} />
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted">30 days</dt>
          <dd className="text-lg">
            <Delta value={changeOver(series, 30)} />
          </dd>
        </div>
      </dl>
      <p className="mt-4 text-sm text-ink-muted">
        Mean of {scored.length} account {scored.length === 1 ? "score" : "scores"}; each account scores the mean of its ten items.
        {partlyRead > 0 ? ` ${partlyRead} of them ${partlyRead === 1 ? "was" : "were"} read below ${Math.round(COVERAGE_ATTENTION * 100)}% coverage.` : ""}
      </p>
    </Card>
  );
}

export async function DistributionCard({ viewer }: { viewer: Viewer }) {
  const accounts = await listAccountSummaries(viewer);
  return (
    <Card title="Account scores">
      <AccountScoreDistributionChart buckets={scoreDistribution(accounts, getStatusThresholds())} />
    </Card>
  );
}

/** Accounts listed under "Partly read": the worst coverages first, at most this many. */
const PARTLY_READ_ROWS = 5;

export async function WorstAccountsCard({ viewer }: { viewer: Viewer }) {
  const [accounts, failedReads] = await Promise.all([listAccountSummaries(viewer), listFailedReads(viewer)]);
  // A score read in part is not comparable with the others: those accounts are listed apart, with what failed.
  const partlyRead = accounts.filter((account) => account.score !== null && lowCoverage(account.coverage)).sort((a, b) => (a.coverage ?? 0) - (b.coverage ?? 0));
  const worst = accounts
    .filter((account) => account.score !== null && !lowCoverage(account.coverage))
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 5);
  return (
    <Card title="Needs attention" actions={<Link href="/accounts?sort=score" className="text-sm underline">All accounts</Link>}>
      {worst.length === 0 && partlyRead.length === 0 ? (
        <p className="text-ink-muted">No account has a score yet.</p>
      ) : null}
      {partlyRead.length > 0 ? (
        <section aria-labelledby="partly-read-heading" className="mb-4">
          <h3 id="partly-read-heading" className="text-sm font-semibold">
            Partly read: coverage below {Math.round(COVERAGE_ATTENTION * 100)}%
          </h3>
          <ol className="divide-y divide-slate-100">
            {partlyRead.slice(0, PARTLY_READ_ROWS).map((account) => (
              <AttentionRow key={account.id} account={account} detail={<FailedReadsLine coverage={account.coverage} reads={failedReads.get(account.id) ?? []} />} />
            ))}
          </ol>
          {partlyRead.length > PARTLY_READ_ROWS ? (
            <Link href="/accounts?sort=coverage" className="text-sm underline">
              {partlyRead.length - PARTLY_READ_ROWS} more partly read
            </Link>
          ) : null}
        </section>
      ) : null}
      {worst.length > 0 ? (
        <section aria-labelledby="lowest-heading">
          <h3 id="lowest-heading" className="text-sm font-semibold">
            Lowest scores
          </h3>
          <ol className="divide-y divide-slate-100">
            {worst.map((account) => (
              <AttentionRow
                key={account.id}
                account={account}
                detail={
                  <>
                    {account.redItems} failing {account.redItems === 1 ? "item" : "items"} · coverage {formatCoverage(account.coverage)}
                    {account.stale ? " · stale" : ""}
                  </>
                }
              />
            ))}
          </ol>
        </section>
      ) : null}
    </Card>
  );
}

function AttentionRow({ account, detail }: { account: AccountSummaryRow; detail: ReactNode }) {
  return (
    <li className="flex items-center justify-between gap-3 py-2" data-account={account.id}>
      <div className="min-w-0">
        <Link href={`/accounts/${account.id}`} className="font-medium hover:underline">
          {account.name}
        </Link>
        <p className="text-xs text-ink-muted">{detail}</p>
      </div>
      <div className="shrink-0 text-right">
        <span className="text-xl font-semibold tabular-nums">{formatScore(account.score)}</span>
        <div className="flex items-center justify-end gap-2 text-xs">
          <StatusBadge status={account.status} size="sm" />
          <Delta value={account.change7d} />
        </div>
      </div>
    </li>
  );
}

/** "Coverage 45% · unread: AccessDenied: iam:GetAccountSummary (6 checks); …": why the checks are unknown. */
function FailedReadsLine({ coverage, reads }: { coverage: number | null; reads: FailedRead[] }) {
  const shown = reads.slice(0, 2);
  return (
    <>
      <CoverageValue coverage={coverage} /> of checks read
      {shown.length > 0 ? (
        <>
          {" · unread: "}
          {shown.map((read) => `${read.reason} (${read.checks} ${read.checks === 1 ? "check" : "checks"})`).join("; ")}
          {reads.length > shown.length ? `; ${reads.length - shown.length} more ${reads.length - shown.length === 1 ? "reason" : "reasons"}` : ""}
        </>
      ) : null}
    </>
  );
}

export async function ItemTiles({ viewer, range }: { viewer: Viewer; range: number }) {
  const [trend, accounts] = await Promise.all([getOrgTrend(viewer, trendDaysFor(range)), listAccountSummaries(viewer)]);
  const thresholds = getStatusThresholds();
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading" className="mb-3 text-xl font-semibold">
        The ten items
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {Array.from({ length: 10 }, (_, index) => {
          const item = index + 1;
          const series = trendSeries(trend, item);
          const score = series.filter((point) => point.score !== null).at(-1)?.score ?? null;
          const cells = accounts.map((account) => account.items[index]).filter((cell) => cell && cell.status !== "grey");
          const passing = cells.filter((cell) => cell?.status === "green").length;
          return (
            <li key={item}>
              <Link
                href={`/items/${item}`}
                title={`${itemTitle(item)}: ${passing} of ${cells.length} accounts pass; mean item score ${formatScore(score)}`}
                className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400"
              >
                <div className="flex items-start justify-between gap-2">
                  <span className="text-sm font-medium">
                    <span className="text-ink-muted">{item}.</span> {ITEM_SHORT[item]}
                  </span>
                  <StatusBadge status={statusOf(score, { thresholds })} size="sm" />
                </div>
                <p className="mt-2 text-2xl font-semibold tabular-nums">
                  {passing}
                  <span className="text-base font-normal text-ink-muted"> of {cells.length} pass</span>
                </p>
                <p className="text-xs text-ink-muted">
                  score {formatScore(score)} · <Delta value={changeOver(series, 30)} label="30 d" />
                </p>
                <ItemScoreSparklineChart points={lastDays(series, 90)} label={`${ITEM_SHORT[item]} score, last 90 days`} />
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const TREND_RANGES = [30, 90, 365] as const;

export async function TrendCard({ viewer, range, item }: { viewer: Viewer; range: number; item: number | null }) {
  const trend = await getOrgTrend(viewer, trendDaysFor(range));
  const points = lastDays(trendSeries(trend, item ?? undefined), range);
  const subject = item ? `Item ${item}: ${itemTitle(item)}` : "Organisation score";
  const href = (next: { range?: number; item?: number | null }) => {
    const params = new URLSearchParams();
    const r = next.range ?? range;
    const i = next.item === undefined ? item : next.item;
    if (r !== 90) params.set("range", String(r));
    if (i) params.set("item", String(i));
    const query = params.toString();
    return query ? `/?${query}#trend` : "/#trend";
  };
  return (
    <Card title={`Trend — ${subject}`}>
      <div id="trend" className="mb-3 flex flex-wrap items-center gap-4 text-sm">
        <nav aria-label="Trend range" className="flex gap-1">
          {TREND_RANGES.map((days) => (
            <Link key={days} href={href({ range: days })} aria-current={days === range ? "page" : undefined} className={`rounded-md border px-2.5 py-1 ${days === range ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white"}`}>
              {days} days
            </Link>
          ))}
        </nav>
        <nav aria-label="Trend subject" className="flex flex-wrap gap-1">
          <Link href={href({ item: null })} aria-current={item === null ? "page" : undefined} className={`rounded-md border px-2.5 py-1 ${item === null ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white"}`}>
            Organisation
          </Link>
          {Array.from({ length: 10 }, (_, index) => (
            <Link key={index} href={href({ item: index + 1 })} title={itemTitle(index + 1)} aria-label={`Item ${index + 1}: ${ITEM_SHORT[index + 1]}`} aria-current={item === index + 1 ? "page" : undefined} className={`rounded-md border px-2.5 py-1 tabular-nums ${item === index + 1 ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white"}`}>
              {index + 1}
            </Link>
          ))}
        </nav>
      </div>
      {points.length === 0 ? <EmptyState title="No history in this range yet" /> : <ScoreTrendChart points={points} label={`${subject}, last ${range} days`} amberAt={getStatusThresholds().amber} />}
    </Card>
  );
}

export async function HeatmapCard({ viewer }: { viewer: Viewer }) {
  const accounts = await listAccountSummaries(viewer);
  const sorted = [...accounts].sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
  const rows = sorted.slice(0, HEATMAP_ROWS);
  return (
    <Card
      title="Accounts × items"
      actions={
        sorted.length > rows.length ? (
          <Link href="/accounts?sort=score" className="text-sm underline">
            All {sorted.length.toLocaleString("en")} accounts
          </Link>
        ) : null
      }
    >
      <p className="mb-3 text-sm text-ink-muted">
        {sorted.length > rows.length ? `The ${rows.length} lowest-scoring of ${sorted.length.toLocaleString("en")} accounts, worst first.` : "Worst accounts first."} Each cell shows the
        item&apos;s status and score for that account; select it for the checks behind it.
      </p>
      {rows.length === 0 ? <EmptyState title="No accounts to show" /> : <AccountsHeatmap rows={rows} />}
    </Card>
  );
}
