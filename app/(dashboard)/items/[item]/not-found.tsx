import Link from "next/link";

export default function ItemNotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-3 py-10">
      <h1 className="text-2xl font-semibold">No such item</h1>
      <p className="text-ink-muted">Tenfold scores AWS&apos;s ten security items, numbered 1 to 10.</p>
      <Link href="/" className="underline">
        Back to the overview
      </Link>
    </div>
  );
}
