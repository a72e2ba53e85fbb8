"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FIELD, postJson, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./post-json";

type Props = {
  /** The manual checks on offer; one means the form is for that check only. */
  checks: { id: string; title: string; statement?: string }[];
  /** Accounts to attest for: one on a drill-down; the owner's accounts in the bulk form. */
  accounts: { id: string; name: string }[];
  /** TENFOLD_ATTEST_DAYS: the default validity and also the longest the API accepts. */
  defaultDays: number;
  /** The bulk form starts open, with every account ticked. */
  bulk?: boolean;
};

/** Attest a manual check: statement, evidence link, validity; for one account or many at once. */
export function AttestationForm({ checks, accounts, defaultDays, bulk = false }: Props) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(bulk);
  const [checkId, setCheckId] = useState(checks[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const attest = useMutation({
    mutationFn: (body: unknown) => postJson("/api/attestations", body) as Promise<{ attestations: unknown[] }>,
    onSuccess: (result) => {
      setDone(`Attested for ${result.attestations.length} account${result.attestations.length === 1 ? "" : "s"}.`);
      if (!bulk) setOpen(false);
      router.refresh();
    },
  });
  const chosen = checks.find((check) => check.id === checkId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const accountIds = accounts.length === 1 ? [accounts[0]!.id] : form.getAll("accountIds").map(String);
    attest.mutate({ checkId, accountIds, statement: form.get("statement"), evidenceUrl: form.get("evidenceUrl"), validDays: form.get("validDays") });
  };
  if (!open) {
    return (
      <span className="inline-flex items-center gap-3">
        <button type="button" className={SECONDARY_BUTTON} onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
          Attest
        </button>
        {done ? <span role="status" className="text-sm text-ink-muted">{done}</span> : null}
      </span>
    );
  }
  return (
    <form id={`${id}-form`} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4" aria-label="Attest a manual check">
      {checks.length > 1 ? (
        <label className="block text-sm font-medium">
          Check
          <select name="checkId" className={FIELD} value={checkId} onChange={(event) => setCheckId(event.target.value)}>
            {checks.map((check) => (
              <option key={check.id} value={check.id}>
                {check.title} ({check.id})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {chosen?.statement ? <p className="text-sm text-ink-muted">What you confirm: {chosen.statement}</p> : null}
      <label className="block text-sm font-medium">
        Statement
        <textarea name="statement" required minLength={10} maxLength={2000} rows={3} className={FIELD} />
      </label>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block text-sm font-medium">
          Evidence link (optional)
          <input type="url" name="evidenceUrl" placeholder="https://wiki.example.com/…" className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          Valid for (days)
          <input type="number" name="validDays" required min={1} max={defaultDays} defaultValue={defaultDays} className={FIELD} />
        </label>
      </div>
      {accounts.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium">Accounts ({accounts.length})</legend>
          <div className="mt-1 grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm sm:grid-cols-2 lg:grid-cols-3" tabIndex={0} aria-label="Accounts to attest for">
            {accounts.map((account) => (
              <label key={account.id} className="flex items-center gap-2">
                <input type="checkbox" name="accountIds" value={account.id} defaultChecked />
                <span>
                  {account.name} <span className="font-mono text-xs text-ink-muted">{account.id}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {attest.isError ? (
        <p role="alert" className="text-sm text-status-red">
          Not saved: {attest.error.message}
        </p>
      ) : null}
      {bulk && done ? (
        <p role="status" className="text-sm text-status-green">
          {done}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={attest.isPending}>
          {attest.isPending ? "Saving…" : "Save attestation"}
        </button>
        {bulk ? null : (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => setOpen(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
