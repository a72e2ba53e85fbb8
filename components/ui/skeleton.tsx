export function Skeleton({ className = "h-24" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-lg bg-slate-200/70 ${className}`} />;
}

/** A loading placeholder with a text for screen readers. */
export function LoadingBlock({ label, className = "h-40" }: { label: string; className?: string }) {
  return (
    <div role="status" className="space-y-2">
      <span className="sr-only">{label}</span>
      <Skeleton className={className} />
    </div>
  );
}
