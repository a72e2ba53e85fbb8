import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AttestationForm } from "@/components/workflow/attestation-form";
import { WorkflowTable } from "@/components/workflow/workflow-table";
import { requirePageViewer } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/viewer";
import { listWorkflow } from "@/lib/db/workflow";
import { getEnv } from "@/lib/env";
import { getCheckGuidance } from "@/lib/guidance";
import { CHECK_BY_ID, type CheckId } from "@/lib/scoring/catalogue";
import { MANUAL_CHECK_IDS } from "@/lib/workflow/catalogue";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Exceptions and attestations" };

const RECENT_MS = 90 * 86_400_000;

export default async function ExceptionsPage() {
  const viewer = await requirePageViewer();
  const now = new Date();
  const { accounts, exceptions, attestations } = await listWorkflow(viewer, { now });
  const env = getEnv();
  const mayRevokeExceptions = can(viewer, "exception");
  const mayAttest = can(viewer, "attestation");
  const approver = viewer.approver === true;
  const pending = exceptions.filter((entry) => entry.state === "pending");
  const active = exceptions.filter((entry) => entry.state === "active").sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  const attested = attestations.filter((entry) => entry.state === "active").sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  const ended = [...exceptions, ...attestations]
    .filter((entry) => (entry.state === "expired" || entry.state === "revoked") && now.getTime() - (entry.revokedAt ?? entry.expiresAt).getTime() < RECENT_MS)
    .sort((a, b) => (b.revokedAt ?? b.expiresAt).getTime() - (a.revokedAt ?? a.expiresAt).getTime());
  const manualChecks = MANUAL_CHECK_IDS.map((id) => ({ id, title: CHECK_BY_ID[id as CheckId]?.title ?? id, statement: getCheckGuidance(id)?.attestation?.statement }));

  return (
    <div className="space-y-8">
      <PageHeader
        title="Exceptions and attestations"
        description={`Risk acceptances that count a failing check as passing until they expire (at most ${env.TENFOLD_EXCEPTION_MAX_DAYS} days), and owners' confirmations of the manual checks. Record either from a check on an account's item page.`}
      />

      {pending.length > 0 ? (
        <Card title={`Waiting for approval (${pending.length})`}>
          {!approver ? <p className="mb-2 text-sm text-ink-muted">An admin or a member of an approver group signs these off; until then the check keeps its real result.</p> : null}
          <WorkflowTable entries={pending} now={now} caption="Exceptions waiting for approval" actions={{ approve: approver, revoke: mayRevokeExceptions }} />
        </Card>
      ) : null}

      <Card title={`Active exceptions (${active.length})`}>
        {active.length === 0 ? (
          <EmptyState title="No exception is in force">Every check counts with the result the last scan found.</EmptyState>
        ) : (
          <WorkflowTable entries={active} now={now} caption="Active exceptions, soonest expiry first" actions={{ approve: false, revoke: mayRevokeExceptions }} />
        )}
      </Card>

      <Card title={`Attestations in force (${attested.length})`}>
        {attested.length === 0 ? (
          <EmptyState title="No manual check is attested">The four manual checks show “needs attestation” until an owner confirms them.</EmptyState>
        ) : (
          <WorkflowTable entries={attested} now={now} caption="Attestations in force, soonest expiry first" actions={{ approve: false, revoke: mayAttest }} />
        )}
      </Card>

      {mayAttest && accounts.length > 0 ? (
        <Card title="Attest across your accounts">
          <p className="mb-3 text-sm text-ink-muted">
            One statement for many accounts at once: each ticked account gets its own attestation, valid for the days you choose (default {env.TENFOLD_ATTEST_DAYS}).
          </p>
          <AttestationForm checks={manualChecks} accounts={accounts} defaultDays={env.TENFOLD_ATTEST_DAYS} bulk />
        </Card>
      ) : null}

      {ended.length > 0 ? (
        <Card title={`Ended in the last 90 days (${ended.length})`}>
          <WorkflowTable entries={ended} now={now} caption="Exceptions and attestations that expired or were revoked in the last 90 days" actions={{ approve: false, revoke: false }} />
        </Card>
      ) : null}
    </div>
  );
}
