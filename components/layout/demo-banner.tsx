/** Shown on every page while sign-in is off, so nobody mistakes a demo for the real, guarded Tenfold. */
export function DemoBanner({ text }: { text: string }) {
  return (
    <div role="status" className="bg-amber-300 px-4 py-2 text-center text-sm font-medium text-amber-950">
      {text}
    </div>
  );
}
