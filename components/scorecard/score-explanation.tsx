import { formatScore } from "@/lib/format";

/**
 * A score that explains itself: the explanation is the hover title and an expandable disclosure, so it
 * works with a keyboard and a screen reader as well as a mouse.
 */
export function ScoreExplanation({ score, explanation, className = "" }: { score: number | null; explanation: string; className?: string }) {
  return (
    <details className={`group ${className}`}>
      <summary title={explanation} className="cursor-pointer list-none rounded text-ink-muted underline decoration-dotted underline-offset-4 hover:text-ink [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Score {formatScore(score)}: </span>Why this score?
      </summary>
      <p className="mt-1 text-sm text-ink">{explanation}</p>
    </details>
  );
}
