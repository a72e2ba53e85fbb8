import { formatCoverage } from "@/lib/format";
import { COVERAGE_ATTENTION, lowCoverage } from "@/lib/scoring/account-status";

/** An account's coverage; below COVERAGE_ATTENTION it is marked with an icon and words, not colour alone. */
export function CoverageValue({ coverage }: { coverage: number | null }) {
  if (!lowCoverage(coverage)) return <>{formatCoverage(coverage)}</>;
  return (
    <span className="font-semibold whitespace-nowrap text-status-amber">
      <span aria-hidden>▲ </span>
      {formatCoverage(coverage)}
      <span className="sr-only"> read, below {Math.round(COVERAGE_ATTENTION * 100)}%</span>
    </span>
  );
}
