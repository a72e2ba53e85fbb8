"use client";
import { Line, LineChart, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/charts/trend";
import { CHART_COLOURS } from "./chart-config";

/**
 * A tiny trend line for an item tile. Decorative: the tile states the score and change in text, and its
 * accessible description lists the points.
 */
export function ItemScoreSparklineChart({ points, label }: { points: TrendPoint[]; label: string }) {
  const described = points.map((point) => `${point.day}: ${point.score ?? "no score"}`).join(", ");
  return (
    <div role="img" aria-label={`${label}: ${described || "no history yet"}`} className="h-10 w-full">
      <LineChart width={160} height={40} data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false}>
        <YAxis hide domain={[0, 100]} />
        <Line type="monotone" dataKey="score" stroke={CHART_COLOURS.line} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
