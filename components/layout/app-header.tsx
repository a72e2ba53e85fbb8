import Link from "next/link";
import type { ReactNode } from "react";

const NAV_LINKS = [
  { href: "/", label: "Overview" },
  { href: "/accounts", label: "Accounts" },
  { href: "/review", label: "Review" },
  { href: "/exceptions", label: "Exceptions" },
  { href: "/scans", label: "Scans" },
] as const;

/** `actions` sits at the right end of the bar (the signed-in person and sign-out). */
export function AppHeader({ actions }: { actions?: ReactNode } = {}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-8 px-4 py-3 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-ink">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-slate-900 text-sm text-white">
            10
          </span>
          Tenfold
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded px-2 py-1 text-ink-muted hover:bg-slate-100 hover:text-ink">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {actions}
      </div>
    </header>
  );
}
