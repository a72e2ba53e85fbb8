"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { postJson, SECONDARY_BUTTON } from "./post-json";

/** One button that posts to a workflow endpoint (approve, revoke) and refreshes the page's data. */
export function OverrideAction({ url, label, pendingLabel, describedBy }: { url: string; label: string; pendingLabel: string; describedBy?: string }) {
  const router = useRouter();
  const action = useMutation({ mutationFn: () => postJson(url), onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={SECONDARY_BUTTON} disabled={action.isPending} onClick={() => action.mutate()} aria-describedby={describedBy}>
        {action.isPending ? pendingLabel : label}
      </button>
      {action.isError ? (
        <span role="alert" className="text-sm text-status-red">
          {action.error.message}
        </span>
      ) : null}
    </span>
  );
}
