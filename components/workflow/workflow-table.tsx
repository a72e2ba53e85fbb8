import Link from "next/link";
import type { WorkflowEntry } from "@/lib/db/workflow";
import { CHECK_BY_ID, type CheckId } from "@/lib/scoring/catalogue";
import { CATEGORY_LABELS } from "@/lib/workflow/categories";
import { OverrideAction } from "./override-action";

const DAY_MS = 86_400_000;
const STATE_LABEL: Record<WorkflowEntry["state"], string> = { pending: "Awaiting approval", active: "Active", expired: "Expired", revoked: "Revoked" };

/** "in 12 d (2027-01-10)", amber when two weeks or less remain: what the weekly review looks for. */
function Expiry({ at, now }: { at: Date; now: Date }) {
  const days = Math.ceil((at.getTime() - now.getTime()) / DAY_MS);
  const day = at.toISOString().slice(0, 10);
  if (days <= 0) return <span>{day}</span>;
  return (
    <span className={days <= 14 ? "font-semibold text-status-amber" : undefined}>
      {day} <span className="text-ink-muted">({days <= 14 ? "▲ " : ""}in {days} d)</span>
    </span>
  );
}

/** Exceptions or attestations in one table, with the actions the viewer may take on each. */
export function WorkflowTable({ entries, now, caption, actions }: { entries: WorkflowEntry[]; now: Date; caption: string; actions: { approve: boolean; revoke: boolean } }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-ink-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Account</th>
            <th scope="col" className="py-2 pr-3 font-medium">Check</th>
            <th scope="col" className="py-2 pr-3 font-medium">Why</th>
            <th scope="col" className="py-2 pr-3 font-medium">Until</th>
            <th scope="col" className="py-2 pr-3 font-medium">By</th>
            <th scope="col" className="py-2 pr-3 font-medium">State</th>
            {actions.approve || actions.revoke ? <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const def = CHECK_BY_ID[entry.checkId as CheckId];
            const open = entry.state === "pending" || entry.state === "active";
            return (
              <tr key={entry.id} className="align-top">
                <td className="py-2 pr-3">
                  <Link href={`/accounts/${entry.accountId}/items/${def?.item ?? 1}`} className="underline">
                    {entry.accountName}
                  </Link>
                  <div className="font-mono text-xs text-ink-muted">{entry.accountId}</div>
                </td>
                <td className="py-2 pr-3">
                  {def?.title ?? entry.checkId}
                  <div className="font-mono text-xs text-ink-muted">{entry.checkId}</div>
                  {entry.kind === "exception" && entry.resourceId ? <div className="font-mono text-xs break-all">only {entry.resourceId}</div> : null}
                </td>
                <td className="max-w-md py-2 pr-3">
                  {entry.kind === "exception" ? <span className="font-medium">{CATEGORY_LABELS[entry.category]}: </span> : null}
                  {entry.kind === "exception" ? entry.reason : entry.statement}
                  {entry.kind === "attestation" && entry.evidenceUrl ? (
                    <>
                      {" "}
                      <a href={entry.evidenceUrl} target="_blank" rel="noreferrer" className="underline">
                        evidence<span className="sr-only"> (opens a new tab)</span>
                      </a>
                    </>
                  ) : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <Expiry at={entry.expiresAt} now={now} />
                </td>
                <td className="py-2 pr-3">
                  {entry.kind === "exception" ? entry.createdBy : entry.attestedBy}
                  {entry.kind === "exception" && entry.approvedBy && entry.approvedBy !== entry.createdBy ? <div className="text-xs text-ink-muted">approved by {entry.approvedBy}</div> : null}
                  {entry.revokedBy ? <div className="text-xs text-ink-muted">revoked by {entry.revokedBy}</div> : null}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{STATE_LABEL[entry.state]}</td>
                {actions.approve || actions.revoke ? (
                  <td className="py-2 whitespace-nowrap">
                    <div className="flex gap-2">
                      {actions.approve && entry.kind === "exception" && entry.state === "pending" ? (
                        <OverrideAction url={`/api/exceptions/${entry.id}/approve`} label="Approve" pendingLabel="Approving…" />
                      ) : null}
                      {actions.revoke && open ? <OverrideAction url={`/api/${entry.kind}s/${entry.id}/revoke`} label="Revoke" pendingLabel="Revoking…" /> : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
