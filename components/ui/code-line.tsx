export function CodeLine({ children }: { children: string }) {
  return (
    <code className="block rounded-md bg-slate-900 px-3 py-2 font-mono text-sm text-slate-100">{children}</code>
  );
}
