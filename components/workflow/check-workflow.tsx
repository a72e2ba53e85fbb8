import type { WorkflowEntry } from "@/lib/db/workflow";
import { CATEGORY_LABELS } from "@/lib/workflow/categories";
import { AttestationForm } from "./attestation-form";
import { ExceptionForm } from "./exception-form";
import { OverrideAction } from "./override-action";

export type CheckWorkflowProps = {
  accountId: string;
  accountName: string;
  check: { checkId: string; title: string; result: string; resourceIds: string[]; manual: boolean; attestationStatement?: string };
  /** This check's exceptions and attestations that are active or waiting for approval. */
  entries: WorkflowEntry[];
  permissions: { exception: boolean; attestation: boolean; approver: boolean };
  expiry: { min: string; max: string; suggested: string };
  attestDays: number;
};

const lastDay = (at: Date) => at.toISOString().slice(0, 10);

/** On a drill-down check: what covers it now ("excepted until …"), and the actions the viewer may take. */
export function CheckWorkflow({ accountId, accountName, check, entries, permissions, expiry, attestDays }: CheckWorkflowProps) {
  const failing = check.result === "fail" || check.result === "warn";
  const openException = entries.some((entry) => entry.kind === "exception");
  const needsAttestation = check.manual && check.result === "unknown";
  return (
    <div className="mt-4 space-y-3">
      {entries.map((entry) => {
        const noteId = `override-${entry.id}`;
        return (
          <div key={entry.id} id={noteId} className="rounded-lg border border-status-green/40 bg-status-green/5 px-4 py-3 text-sm" data-testid="override-note">
            {entry.kind === "exception" ? (
              <p>
                <span className="font-semibold">
                  {entry.state === "pending" ? "Exception awaiting approval" : `Excepted until ${lastDay(entry.expiresAt)}`}
                </span>{" "}
                · {CATEGORY_LABELS[entry.category]}
                {entry.resourceId ? <> · only <span className="font-mono break-all">{entry.resourceId}</span></> : null} · recorded by {entry.createdBy}
                {entry.approvedBy && entry.approvedBy !== entry.createdBy ? `, approved by ${entry.approvedBy}` : ""}
                {entry.state === "pending" ? ` · would run until ${lastDay(entry.expiresAt)}` : ""}
              </p>
            ) : (
              <p>
                <span className="font-semibold">Attested until {lastDay(entry.expiresAt)}</span> · by {entry.attestedBy}
                {entry.evidenceUrl ? (
                  <>
                    {" "}
                    ·{" "}
                    <a href={entry.evidenceUrl} target="_blank" rel="noreferrer" className="underline">
                      evidence<span className="sr-only"> (opens a new tab)</span>
                    </a>
                  </>
                ) : null}
              </p>
            )}
            <p className="mt-1 text-ink-muted">{entry.kind === "exception" ? entry.reason : entry.statement}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              {entry.kind === "exception" && entry.state === "pending" && permissions.approver ? (
                <OverrideAction url={`/api/exceptions/${entry.id}/approve`} label="Approve" pendingLabel="Approving…" describedBy={noteId} />
              ) : null}
              {(entry.kind === "exception" ? permissions.exception : permissions.attestation) ? (
                <OverrideAction url={`/api/${entry.kind}s/${entry.id}/revoke`} label="Revoke" pendingLabel="Revoking…" describedBy={noteId} />
              ) : null}
            </div>
          </div>
        );
      })}
      {failing && !openException && permissions.exception ? (
        <ExceptionForm
          accountId={accountId}
          checkId={check.checkId}
          resourceIds={check.resourceIds}
          minExpiry={expiry.min}
          maxExpiry={expiry.max}
          suggestedExpiry={expiry.suggested}
          approver={permissions.approver}
        />
      ) : null}
      {needsAttestation && permissions.attestation ? (
        <AttestationForm checks={[{ id: check.checkId, title: check.title, statement: check.attestationStatement }]} accounts={[{ id: accountId, name: accountName }]} defaultDays={attestDays} />
      ) : null}
    </div>
  );
}
