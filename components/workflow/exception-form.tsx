"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { CATEGORY_LABELS, EXCEPTION_CATEGORIES } from "@/lib/workflow/categories";
import { FIELD, postJson, PRIMARY_BUTTON, SECONDARY_BUTTON } from "./post-json";

type Props = {
  accountId: string;
  checkId: string;
  /** Resource ids behind the failing check: the exception may be narrowed to one of them. */
  resourceIds: string[];
  /** YYYY-MM-DD bounds of the expiry picker and its suggested value. */
  minExpiry: string;
  maxExpiry: string;
  suggestedExpiry: string;
  /** Whether the person may approve: their exception applies at once, otherwise it waits. */
  approver: boolean;
};

/** "Record an exception" on a failing check: reason, category, expiry, optionally one resource. */
export function ExceptionForm({ accountId, checkId, resourceIds, minExpiry, maxExpiry, suggestedExpiry, approver }: Props) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const record = useMutation({
    mutationFn: (body: Record<string, FormDataEntryValue | null>) => postJson(`/api/accounts/${accountId}/exceptions`, body),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    record.mutate({ checkId, category: form.get("category"), reason: form.get("reason"), expiresOn: form.get("expiresOn"), resourceId: form.get("resourceId") });
  };
  if (!open) {
    return (
      <button type="button" className={SECONDARY_BUTTON} onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
        Record an exception
      </button>
    );
  }
  return (
    <form id={`${id}-form`} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4" aria-label={`Record an exception for ${checkId}`}>
      <p className="text-sm text-ink-muted">
        An exception counts the check as passing until it expires, and always shows as excepted.{" "}
        {approver ? "You may approve exceptions, so it applies as soon as you save it." : "It applies once an approver signs it off."}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <label className="block text-sm font-medium">
          Category
          <select name="category" required className={FIELD} defaultValue="accepted_risk">
            {EXCEPTION_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Expires on (last valid day, UTC)
          <input type="date" name="expiresOn" required min={minExpiry} max={maxExpiry} defaultValue={suggestedExpiry} className={FIELD} />
        </label>
      </div>
      {resourceIds.length > 1 ? (
        <label className="block text-sm font-medium">
          Applies to
          <select name="resourceId" className={FIELD} defaultValue="">
            <option value="">Every resource behind this check</option>
            {resourceIds.map((resource) => (
              <option key={resource} value={resource}>
                Only {resource}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Reason (who accepts the risk, and what compensates for it)
        <textarea name="reason" required minLength={10} maxLength={2000} rows={3} className={FIELD} />
      </label>
      {record.isError ? (
        <p role="alert" className="text-sm text-status-red">
          Not saved: {record.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={record.isPending}>
          {record.isPending ? "Saving…" : "Save exception"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
