"use client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DistributionBucket } from "@/lib/charts/trend";
import { CHART_COLOURS } from "./chart-config";
import { ChartDataTable } from "./data-table-disclosure";

/** How many accounts score in each ten-point band; bars coloured by the band's status, labelled on the axis. */
export function AccountScoreDistributionChart({ buckets }: { buckets: DistributionBucket[] }) {
  return (
    <figure>
      <div aria-hidden className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
            <XAxis dataKey="from" tick={{ fontSize: 12, fill: CHART_COLOURS.muted }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: CHART_COLOURS.muted }} />
            <Tooltip formatter={(value) => [value, "Accounts"]} labelFormatter={(from) => buckets.find((bucket) => bucket.from === from)?.label ?? String(from)} />
            <Bar dataKey="count" isAnimationActive={false}>
              {buckets.map((bucket) => (
                <Cell key={bucket.label} fill={CHART_COLOURS[bucket.status]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Number of accounts per score band</figcaption>
      <ChartDataTable caption="Accounts per score band" headers={["Score band", "Accounts"]} rows={buckets.map((bucket) => [bucket.label, bucket.count])} />
    </figure>
  );
}
