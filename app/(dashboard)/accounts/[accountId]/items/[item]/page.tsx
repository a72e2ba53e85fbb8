import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckCard } from "@/components/scorecard/check-card";
import { itemTitle } from "@/components/scorecard/item-labels";
import { ScoreExplanation } from "@/components/scorecard/score-explanation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { loadForPage, requirePageViewer } from "@/lib/auth/page-guard";
import { compareChecksByUrgency } from "@/lib/check-order";
import { getAccountForViewer } from "@/lib/db/accounts";
import { getItemDrillDown } from "@/lib/db/item-details";
import { listWorkflow } from "@/lib/db/workflow";
import { can } from "@/lib/auth/viewer";
import { CheckWorkflow } from "@/components/workflow/check-workflow";
import { expiryBounds } from "@/lib/workflow/input";
import { getCheckGuidance, getItemGuidance } from "@/lib/guidance";
import { getEnv } from "@/lib/env";
import { formatPercent, formatScore } from "@/lib/format";
import { accountIdSchema, itemSchema } from "@/lib/route-params";
import { CHECK_BY_ID, checksOfItem, ITEMS, type CheckId } from "@/lib/scoring/catalogue";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string; item: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { accountId, item } = await params;
  return { title: `Item ${item} · ${accountId}` };
}

export default async function ItemDrillDownPage({ params }: Props) {
  const raw = await params;
  const accountId = accountIdSchema.safeParse(raw.accountId);
  const item = itemSchema.safeParse(raw.item);
  if (!accountId.success || !item.success) notFound();
  const viewer = await requirePageViewer();
  const [account, detail] = await loadForPage(viewer, () =>
    Promise.all([getAccountForViewer(viewer, accountId.data), getItemDrillDown(viewer, accountId.data, item.data)]),
  );
  const workflow = await listWorkflow(viewer, { accountId: account.id, notBefore: detail?.evaluatedAt });
  const env = getEnv();
  const permissions = { exception: can(viewer, "exception"), attestation: can(viewer, "attestation"), approver: viewer.approver === true };
  const expiry = expiryBounds(new Date(), env.TENFOLD_EXCEPTION_MAX_DAYS);
  const openEntries = [...workflow.exceptions, ...workflow.attestations].filter((entry) => entry.state === "active" || entry.state === "pending");
  const guidance = getItemGuidance(item.data);
  const checks = [...(detail?.checks ?? [])].sort(compareChecksByUrgency);
  const catalogueChecks = checksOfItem(item.data);
  const sso = env.TENFOLD_SSO_START_URL ? { startUrl: env.TENFOLD_SSO_START_URL, roleName: env.TENFOLD_SSO_ROLE_NAME } : null;
  const previous = item.data > 1 ? item.data - 1 : null;
  const next = item.data < ITEMS.length ? item.data + 1 : null;
  return (
    <div className="space-y-8">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link href="/accounts" className="underline">
              Accounts
            </Link>{" "}
            /{" "}
            <Link href={`/accounts/${account.id}`} className="underline">
              {account.name}
            </Link>{" "}
            / item {item.data}
          </nav>
        }
        title={`${item.data}. ${itemTitle(item.data)}`}
        description={guidance?.summary}
        actions={
          detail ? (
            <div className="text-right">
              <p className="text-4xl font-semibold tabular-nums" data-testid="item-score">
                {formatScore(detail.score)}
              </p>
              <StatusBadge status={detail.status} />
            </div>
          ) : null
        }
      />

      {detail ? (
        <div className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-3">
          <div className="md:col-span-2">
            <p className="text-base">{detail.explanation}</p>
            <ScoreExplanation score={detail.score} explanation={`${detail.explanation}. The item score is the severity-weighted share of evaluable checks that pass (excepted counts as pass); unknown checks leave the score and lower coverage.`} className="mt-2 text-sm" />
          </div>
          <dl className="space-y-1 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Evaluated</dt>
              <dd>
                <TimeAgo at={detail.evaluatedAt} />
              </dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Coverage</dt>
              <dd>{formatPercent(detail.coverage)}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-ink-muted">Checks</dt>
              <dd>{checks.length}</dd>
            </div>
          </dl>
        </div>
      ) : null}

      {guidance ? (
        <section aria-labelledby="why-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="why-heading" className="text-lg font-semibold">
            Why this item matters
          </h2>
          <p className="mt-2 max-w-4xl text-base leading-relaxed">{guidance.whyItMatters}</p>
        </section>
      ) : null}

      <section aria-labelledby="checks-heading" className="space-y-4">
        <h2 id="checks-heading" className="text-xl font-semibold">
          Checks
        </h2>
        {!detail ? (
          <EmptyState title="This item has not been scored for this account yet">
            It has {catalogueChecks.length} checks; they appear here after the account&apos;s first successful scan.
          </EmptyState>
        ) : checks.length === 0 ? (
          <EmptyState title="No check results were stored for this item" />
        ) : (
          checks.map((check) => {
            const def = CHECK_BY_ID[check.checkId as CheckId];
            return (
              <CheckCard key={check.checkId} accountId={account.id} check={check} sso={sso}>
                <CheckWorkflow
                  accountId={account.id}
                  accountName={account.name}
                  check={{
                    checkId: check.checkId,
                    title: def?.title ?? check.checkId,
                    result: check.result,
                    resourceIds: check.resources.map((resource) => resource.id),
                    manual: def?.manual === true,
                    attestationStatement: getCheckGuidance(check.checkId)?.attestation?.statement,
                  }}
                  entries={openEntries.filter((entry) => entry.checkId === check.checkId)}
                  permissions={permissions}
                  expiry={expiry}
                  attestDays={env.TENFOLD_ATTEST_DAYS}
                />
              </CheckCard>
            );
          })
        )}
      </section>

      <nav aria-label="Other items" className="flex justify-between text-sm">
        {previous ? (
          <Link href={`/accounts/${account.id}/items/${previous}`} className="underline">
            ← Item {previous}: {itemTitle(previous)}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/accounts/${account.id}/items/${next}`} className="underline">
            Item {next}: {itemTitle(next)} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
