"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { InsightsData } from "@/lib/client-data/insight-keys";
import { formatCount } from "@/lib/client-data/format";

const SERIES = [
  { key: "warning", label: "Warning", color: "var(--color-warning)" },
  { key: "critical", label: "Critical", color: "var(--color-critical)" },
] as const;
const AXIS_TICK = { fontSize: 11, fill: "var(--chart-axis)" };
const HEIGHT = 180;

// "2026-11-29" → "29 Nov", without a time zone shift: the day is already local.
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Alerts per local day, warning and critical stacked. */
export default function ChartAlertsPerDay({ days }: { days: InsightsData["volume"]["perDay"] }) {
  const busiest = days.reduce((top, day) => (day.warning + day.critical > top.warning + top.critical ? day : top), days[0]);
  return (
    <div data-testid="chart">
      <p className="sr-only">
        {`Alerts per day over ${days.length} days; busiest ${dayLabel(busiest.day)} with ${busiest.warning} warning and ${busiest.critical} critical.`}
      </p>
      <ul aria-hidden className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {SERIES.map(({ key, label, color }) => (
          <li key={key} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2 w-3 rounded-sm" style={{ background: color }} />
            {label}
          </li>
        ))}
      </ul>
      <BarChart responsive data={days} style={{ width: "100%", height: HEIGHT }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="day" tickFormatter={dayLabel} tick={AXIS_TICK} minTickGap={20} tickLine={false} axisLine={false} />
        <YAxis width={40} tickFormatter={formatCount} tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} />
        <Tooltip
          labelFormatter={(day) => dayLabel(String(day))}
          formatter={(value, name) => [formatCount(Number(value)), SERIES.find((series) => series.key === name)?.label ?? String(name)]}
          contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "var(--chart-grid)" }}
        />
        {SERIES.map(({ key, color }) => (
          <Bar key={key} dataKey={key} name={key} stackId="severity" fill={color} maxBarSize={24} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
