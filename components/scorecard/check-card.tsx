import type { ReactNode } from "react";
import type { CheckDetailRow } from "@/lib/db/item-details";
import { consoleLinkFor, getCheckGuidance, ssoShortcut } from "@/lib/guidance";
import { CHECK_BY_ID } from "@/lib/scoring/catalogue";
import { ResultBadge } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";

const SEVERITY_STYLE: Record<string, string> = {
  critical: "bg-status-red/10 text-status-red border-status-red/40",
  high: "bg-status-amber/10 text-status-amber border-status-amber/40",
  medium: "bg-slate-100 text-ink border-slate-300",
  low: "bg-slate-50 text-ink-muted border-slate-200",
};

/** One check of the drill-down: result, resources with console links, first seen failing, and how to fix it. */
export function CheckCard({
  accountId,
  check,
  sso,
  children,
}: {
  accountId: string;
  check: CheckDetailRow;
  sso: { startUrl: string; roleName: string } | null;
  /** The check's exception / attestation notes and actions. */
  children?: ReactNode;
}) {
  const def = CHECK_BY_ID[check.checkId as keyof typeof CHECK_BY_ID];
  const guidance = getCheckGuidance(check.checkId);
  const failing = check.result === "fail" || check.result === "warn";
  const docs = guidance?.docs ?? def?.guidance.map((url) => ({ title: url.replace(/^https:\/\/docs\.aws\.amazon\.com\//, ""), url })) ?? [];
  const headingId = `check-${check.checkId.replace(/[^a-z0-9]/gi, "-")}`;
  return (
    <article aria-labelledby={headingId} className={`rounded-xl border bg-white p-5 shadow-sm ${failing ? "border-status-red/40" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="text-lg font-semibold">
            {def?.title ?? check.checkId}
          </h3>
          <p className="font-mono text-xs text-ink-muted">{check.checkId}</p>
        </div>
        <div className="flex items-center gap-2">
          <span className={`rounded-full border px-2.5 py-0.5 text-xs font-medium uppercase tracking-wide ${SEVERITY_STYLE[check.severity] ?? ""}`}>{check.severity}</span>
          <ResultBadge result={check.result} />
        </div>
      </div>
      <p className="mt-2 text-base">{check.reason}</p>
      {failing && check.since ? (
        <p className="mt-1 text-sm text-ink-muted">
          First seen {check.result === "fail" ? "failing" : "warning"} <TimeAgo at={check.since} />
        </p>
      ) : null}
      {check.source === "org" ? <p className="mt-1 text-sm text-ink-muted">Evaluated once for the whole organisation.</p> : null}
      {check.originalResult ? (
        <p className="mt-1 text-sm text-ink-muted">
          The scan found: <ResultBadge result={check.originalResult} />
        </p>
      ) : null}
      {children}

      {check.resources.length > 0 ? (
        <div className="mt-4">
          <h4 className="text-sm font-semibold">Resources</h4>
          <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
            {check.resources.map((resource, index) => {
              const link = consoleLinkFor(resource, { accountId, checkId: check.checkId });
              const shortcut = link && sso ? ssoShortcut(sso.startUrl, accountId, sso.roleName, link.url) : null;
              return (
                <li key={`${resource.id}-${index}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <div className="min-w-0">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{resource.kind}</span>
                    <span className="font-mono break-all">{resource.id}</span>
                    {resource.region ? <span className="ml-2 text-ink-muted">{resource.region}</span> : null}
                    {resource.detail ? <div className="text-ink-muted">{resource.detail}</div> : null}
                  </div>
                  <div className="flex gap-3 whitespace-nowrap">
                    {link ? (
                      <a href={link.url} target="_blank" rel="noreferrer" className="underline">
                        Open in console<span className="sr-only"> ({link.label}, opens a new tab)</span>
                      </a>
                    ) : null}
                    {shortcut ? (
                      <a href={shortcut} target="_blank" rel="noreferrer" className="underline">
                        Sign in with IAM Identity Center<span className="sr-only"> and open {link?.label} (new tab)</span>
                      </a>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          {check.resourcesTruncated > 0 ? <p className="mt-1 text-sm text-ink-muted">and {check.resourcesTruncated} more not listed</p> : null}
        </div>
      ) : null}

      {guidance ? (
        <details className="mt-4 rounded-md bg-slate-50 p-3" open={failing}>
          <summary className="cursor-pointer font-semibold">Why it matters and how to fix it</summary>
          <div className="mt-2 space-y-3 text-sm leading-relaxed">
            <p>{guidance.whyItMatters}</p>
            <div>
              <h4 className="font-semibold">How to fix</h4>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                {guidance.howToFix.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </div>
            {guidance.howToFix.cli?.length ? (
              <div>
                <h4 className="font-semibold">AWS CLI</h4>
                <ul className="mt-1 space-y-2">
                  {guidance.howToFix.cli.map((cli) => (
                    <li key={cli.command}>
                      <p className="text-ink-muted">{cli.description}</p>
                      <code className="mt-1 block rounded bg-slate-900 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">{cli.command}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {guidance.exceptionsAreReasonableWhen ? (
              <p>
                <span className="font-semibold">When an exception is reasonable: </span>
                {guidance.exceptionsAreReasonableWhen}
              </p>
            ) : null}
            {guidance.attestation ? (
              <p>
                <span className="font-semibold">What the owner attests: </span>
                {guidance.attestation.statement}
              </p>
            ) : null}
          </div>
        </details>
      ) : null}

      <div className="mt-3 text-sm">
        <h4 className="sr-only">AWS documentation</h4>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {docs.map((doc) => (
            <li key={doc.url}>
              <a href={doc.url} target="_blank" rel="noreferrer" className="underline">
                {doc.title}
                <span className="sr-only"> (AWS documentation, opens a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
