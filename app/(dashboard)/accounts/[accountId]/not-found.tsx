import Link from "next/link";

export default function AccountNotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-3 py-10">
      <h1 className="text-2xl font-semibold">Account not found</h1>
      <p className="text-ink-muted">There is no account with this id, or it is not one you have access to.</p>
      <Link href="/accounts" className="underline">
        Back to the accounts
      </Link>
    </div>
  );
}
