import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { ItemScoreSparklineChart } from "@/components/charts/item-score-sparkline-chart";
import { itemTitle } from "@/components/scorecard/item-labels";
import { CoverageValue } from "@/components/scorecard/coverage-value";
import { ScoreExplanation } from "@/components/scorecard/score-explanation";
import { Card } from "@/components/ui/card";
import { Delta } from "@/components/ui/delta";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { loadForPage, requirePageViewer } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/viewer";
import { accountIdSchema } from "@/lib/route-params";
import { listFailedReads } from "@/lib/db/failed-reads";
import { getAccountScorecard } from "@/lib/db/scorecard";
import { getStatusThresholds } from "@/lib/db/status";
import { formatCoverage, formatScore, shownScore } from "@/lib/format";
import { COVERAGE_ATTENTION, lowCoverage } from "@/lib/scoring/account-status";
import { RescanButton } from "./rescan-client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Account ${(await params).accountId}` };
}

export default async function AccountScorecardPage({ params }: Props) {
  const parsed = accountIdSchema.safeParse((await params).accountId);
  if (!parsed.success) notFound();
  const accountId = parsed.data;
  const viewer = await requirePageViewer();
  const card = await loadForPage(viewer, () => getAccountScorecard(viewer, accountId));
  const failedReads = lowCoverage(card.summary.coverage) ? ((await listFailedReads(viewer, accountId)).get(accountId) ?? []) : [];
  const { summary, meta, lastGood, lastScan, trend } = card;
  const scorePoints = trend.scores.map((row) => ({ day: row.day, score: row.score === null ? null : shownScore(row.score) }));
  const tags = Object.entries(summary.tags);
  const greyItems = summary.items.filter((cell) => cell.status === "grey").length;
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link href="/accounts" className="underline">
              Accounts
            </Link>{" "}
            / <span className="font-mono">{summary.id}</span>
          </nav>
        }
        title={summary.name}
        description={
          <>
            {summary.ouPath} · owner {summary.owner ?? "not tagged"} · last scanned <TimeAgo at={summary.lastScannedAt} />
          </>
        }
        actions={can(viewer, "rescan") ? <RescanButton accountId={summary.id} /> : null}
      />

      {summary.stale ? (
        <Notice tone="error" title={summary.stale.since ? `Stale since ${summary.stale.since.toISOString().slice(0, 16).replace("T", " ")} UTC` : "Never scanned successfully"}>
          The latest scan could not read this account, so the scores below are from the last good scan.{" "}
          <span className="font-mono">{summary.stale.errorCode ?? "Error"}</span>: {summary.stale.errorMessage ?? "no message"}
        </Notice>
      ) : null}

      {lowCoverage(summary.coverage) ? (
        <Notice tone="warning" title={`Only ${formatCoverage(summary.coverage)} of the checks could be read`}>
          The score covers only what was read: the account cannot show green, and it stays under &ldquo;needs attention&rdquo; on the overview until at least {Math.round(COVERAGE_ATTENTION * 100)}% is read. Unread:
          {failedReads.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {failedReads.map((read) => (
                <li key={read.reason}>
                  <span className="font-mono">{read.reason}</span> ({read.checks} {read.checks === 1 ? "check" : "checks"})
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : summary.status === "amber" && summary.score !== null && summary.score >= 100 && greyItems > 0 ? (
        <Notice tone="warning" title="Not green: some items have no data">
          Every check that could be read passes, but {greyItems === 1 ? "one item has" : `${greyItems} items have`} nothing evaluable, so the account is not shown as passing.
        </Notice>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Account score">
          <div className="flex items-end gap-3">
            <p className="text-6xl font-semibold tabular-nums">{formatScore(summary.score)}</p>
            <span className="mb-2 text-ink-muted">/ 100</span>
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge status={summary.status} />
            <Delta value={summary.change7d} label="in 7 days" />
          </div>
          <dl className="mt-4 space-y-1 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Coverage</dt>
              <dd title="Share of the checks that could be evaluated (the rest were unknown, e.g. access denied)">
                <CoverageValue coverage={summary.coverage} />
              </dd>
            </div>
            {greyItems > 0 ? (
              <div className="flex justify-between gap-2">
                <dt className="text-ink-muted">Items without data</dt>
                <dd>{greyItems}</dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Failing items</dt>
              <dd>{summary.redItems}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Score, last 90 days" className="lg:col-span-2">
          {scorePoints.length === 0 ? <p className="text-ink-muted">No history yet.</p> : <ScoreTrendChart points={scorePoints} label={`${summary.name} score, last 90 days`} height={200} amberAt={getStatusThresholds().amber} />}
        </Card>
      </div>

      <section aria-labelledby="items-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="items-heading" className="text-xl font-semibold">
            The ten items
          </h2>
          <p className="text-sm">
            Download every check:{" "}
            <a href={`/api/accounts/${summary.id}/checks/export?format=csv`} className="underline" download>
              Checks CSV
            </a>{" "}
            ·{" "}
            <a href={`/api/accounts/${summary.id}/checks/export?format=json`} className="underline" download>
              Checks JSON
            </a>
          </p>
        </div>
        <ul className="grid gap-3 md:grid-cols-2">
          {summary.items.map((cell) => {
            const points = trend.items.filter((row) => row.item === cell.item).map((row) => ({ day: row.day, score: row.score === null ? null : shownScore(row.score) }));
            return (
              <li key={cell.item} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="text-base font-semibold">
                    <Link href={`/accounts/${summary.id}/items/${cell.item}`} className="rounded hover:underline">
                      <span className="text-ink-muted">{cell.item}.</span> {itemTitle(cell.item)}
                    </Link>
                  </h3>
                  <div className="flex items-center gap-3">
                    <span className="text-2xl font-semibold tabular-nums" title={cell.explanation}>
                      {formatScore(cell.score)}
                    </span>
                    <StatusBadge status={cell.status} />
                  </div>
                </div>
                <p className="mt-1 text-sm text-ink">{cell.explanation}</p>
                <div className="mt-2 flex items-end justify-between gap-4">
                  <ScoreExplanation score={cell.score} explanation={`${cell.explanation}. Item score = severity-weighted share of evaluable checks that pass; unknown checks lower coverage, not the score.`} className="text-sm" />
                  <div className="w-40">
                    <ItemScoreSparklineChart points={points} label={`Item ${cell.item} score, last 90 days`} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Account details">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-ink-muted">Account id</dt>
            <dd className="font-mono">{summary.id}</dd>
            <dt className="text-ink-muted">Root email</dt>
            <dd>{summary.email}</dd>
            <dt className="text-ink-muted">OU path</dt>
            <dd>{summary.ouPath}</dd>
            <dt className="text-ink-muted">Owner</dt>
            <dd>{summary.owner ?? "not tagged"}</dd>
            <dt className="text-ink-muted">State</dt>
            <dd>{meta.state}</dd>
            <dt className="text-ink-muted">Joined the organisation</dt>
            <dd>{meta.joinedAt ? <TimeAgo at={meta.joinedAt} /> : "unknown"}</dd>
            <dt className="text-ink-muted">Alternate contacts</dt>
            <dd>
              <Link href={`/accounts/${summary.id}/items/1`} className="underline">
                See item 1
              </Link>
            </dd>
            <dt className="text-ink-muted">Tags</dt>
            <dd>
              {tags.length === 0 ? (
                "none"
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {tags.map(([key, value]) => (
                    <li key={key} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
                      {key}={value}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </Card>
        <Card title="Last scan">
          {lastScan ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-ink-muted">When</dt>
              <dd>
                <TimeAgo at={lastScan.evaluatedAt} /> ({lastScan.trigger})
              </dd>
              <dt className="text-ink-muted">Result</dt>
              <dd>{lastScan.status === "ok" ? "Complete" : lastScan.status === "partial" ? "Partial: some checks could not be read" : lastScan.status === "failed" ? "Failed" : "Skipped"}</dd>
              {lastScan.errorCode ? (
                <>
                  <dt className="text-ink-muted">Error</dt>
                  <dd>
                    <span className="font-mono">{lastScan.errorCode}</span>: {lastScan.errorMessage}
                  </dd>
                </>
              ) : null}
              <dt className="text-ink-muted">Scores from</dt>
              <dd>{lastGood ? <TimeAgo at={lastGood.evaluatedAt} /> : "no good scan yet"}</dd>
              <dt className="text-ink-muted">Scan</dt>
              <dd>
                <Link href={`/scans#scan-${lastScan.scanId}`} className="underline">
                  View in scan history
                </Link>
              </dd>
            </dl>
          ) : (
            <p className="text-ink-muted">This account has not been scanned yet.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
