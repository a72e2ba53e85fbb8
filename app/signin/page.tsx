import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { getViewer } from "@/lib/auth/viewer";
import { safeReturnTo } from "@/lib/auth/return-to";
import { authMode, getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS = {
  expired: "The sign-in took too long or was started in another browser. Please try again.",
  denied: "Your identity provider did not let you in.",
  invalid: "The identity provider's answer could not be verified, so you were not signed in.",
  unavailable: "The identity provider cannot be reached right now. Please try again in a minute.",
  disabled: "Sign-in is not configured on this server.",
} as const;

const searchSchema = z.object({
  returnTo: z.string().max(2000).optional().catch(undefined),
  error: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS]).optional().catch(undefined),
  signedOut: z.string().optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const search = searchSchema.parse(await searchParams);
  const returnTo = safeReturnTo(search.returnTo);
  if (await getViewer()) redirect(returnTo);
  const configured = authMode(getEnv()) === "oidc";
  return (
    <Card className="mx-auto mt-12 max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Tenfold</h1>
      <p className="mt-2 text-sm text-ink-muted">
        Tenfold maps the security posture of every AWS account in the organisation, so it is only open to signed-in
        colleagues.
      </p>
      {search.signedOut ? (
        <p role="status" className="mt-4 rounded bg-slate-100 px-3 py-2 text-sm">
          You are signed out.
        </p>
      ) : null}
      {search.error ? (
        <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {ERRORS[search.error]}
        </p>
      ) : null}
      {configured ? (
        // A plain link, not a form: the flow starts with a GET and the IdP redirect must not be a form submission.
        <a
          href={`/auth/signin?returnTo=${encodeURIComponent(returnTo)}`}
          className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Sign in with single sign-on
        </a>
      ) : (
        <p className="mt-6 text-sm">{ERRORS.disabled}</p>
      )}
    </Card>
  );
}
