"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/charts/trend";
import { CHART_COLOURS, shortDay } from "./chart-config";
import { ChartDataTable } from "./data-table-disclosure";

/**
 * A score (0–100) over time, with the amber threshold marked and labelled; the data table is the accessible
 * layer. `amberAt` comes from the data layer (getStatusThresholds), never a default, so the line is the scorer's;
 * null for a series that is not a score (a pass rate), which has no threshold to mark.
 */
export function ScoreTrendChart({ points, label, height = 260, amberAt }: { points: TrendPoint[]; label: string; height?: number; amberAt: number | null }) {
  return (
    <figure>
      <div aria-hidden style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: CHART_COLOURS.muted }} minTickGap={24} />
            <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={{ fontSize: 12, fill: CHART_COLOURS.muted }} />
            {amberAt === null ? null : (
              <ReferenceLine y={amberAt} stroke={CHART_COLOURS.amber} strokeDasharray="4 4" label={{ value: `amber from ${amberAt}`, position: "insideBottomRight", fontSize: 11, fill: CHART_COLOURS.muted }} />
            )}
            <Tooltip formatter={(value) => [value, "Score"]} labelFormatter={(day) => shortDay(String(day))} />
            <Line type="monotone" dataKey="score" stroke={CHART_COLOURS.line} strokeWidth={2.5} dot={points.length < 20} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        {label}
        {amberAt === null ? null : `; below ${amberAt} is red`}
      </figcaption>
      <ChartDataTable caption={label} headers={["Day", "Score"]} rows={points.map((point) => [point.day, point.score ?? "—"])} />
    </figure>
  );
}
