const ROLE_LABELS = { admin: "Admin", viewer: "Viewer", owner: "Account owner" } as const;

/** Who is signed in, and a sign-out button (a same-origin POST form: sign-out must not be a link). */
export function ViewerMenu({ name, role, demo }: { name: string; role: keyof typeof ROLE_LABELS; demo: boolean }) {
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span className="text-ink-muted">
        {name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{ROLE_LABELS[role]}</span>
      </span>
      {demo ? null : (
        <form action="/auth/signout" method="post">
          <button type="submit" className="rounded px-2 py-1 text-ink-muted hover:bg-slate-100 hover:text-ink">
            Sign out
          </button>
        </form>
      )}
    </div>
  );
}
