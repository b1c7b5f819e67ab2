"use client";

import { format } from "date-fns";
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "@/lib/client-data/chart-rows";
import { evenTicks, tickFormat } from "@/lib/client-data/time-ranges";
import type { TimeRange } from "@/lib/shared/time-ranges";

/** How one series is drawn. Colours are CSS variables from globals.css, never literals. */
export interface SeriesSpec {
  label: string;
  color: string;
  kind: "area" | "line" | "bar";
  stackId?: string;
  /** A reference drawn dashed behind the live series, e.g. last week's orders. */
  dashed?: boolean;
}

export type SeriesConfig<K extends string> = Record<K, SeriesSpec>;

/** An alert rule's level, drawn as a dashed line in its severity's colour. */
export interface Threshold {
  value: number;
  level: "warning" | "critical";
}

export interface TimeSeriesChartProps<K extends string> {
  rows: ChartRow<K>[];
  config: SeriesConfig<K>;
  range: TimeRange;
  /** [from, to] of the range in ms, so the x axis covers it even where data is missing. */
  domain: [number, number];
  formatValue: (value: number) => string;
  thresholds?: Threshold[];
  /** Fixed top of the y axis (100 for percentages); thresholds above the data extend it otherwise. */
  yMax?: number;
  height?: number;
  /** What to do when the range has no samples yet. */
  emptyHint?: string;
}

const X_TICKS = 5;
const THRESHOLD_COLOR = { warning: "var(--chart-threshold-warning)", critical: "var(--chart-threshold-critical)" } as const;
const AXIS_TICK = { fontSize: 11, fill: "var(--chart-axis)" };

export function TimeSeriesChart<K extends string>({ rows, config, range, domain, formatValue, thresholds = [], yMax, height = 180, emptyHint }: TimeSeriesChartProps<K>) {
  const keys = Object.keys(config) as K[];
  const tick = tickFormat(range);
  if (!rows.length) {
    return (
      <div className="flex flex-col items-center justify-center rounded-md border border-dashed border-slate-200 px-4 text-center" style={{ height: height + 24 }}>
        <p className="text-sm font-medium text-slate-600">No samples in this range yet</p>
        <p className="mt-1 text-xs text-slate-500">{emptyHint ?? "Samples are written every minute; widen the range or check back shortly."}</p>
      </div>
    );
  }
  return (
    <div data-testid="chart">
      <p className="sr-only">{summary(rows, keys, config, formatValue)}</p>
      <ul aria-hidden className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {keys.map((key) => (
          <li key={key} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2 w-3 rounded-sm" style={{ background: config[key].color }} />
            {config[key].label}
          </li>
        ))}
      </ul>
      <ComposedChart responsive data={rows} style={{ width: "100%", height }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="t" type="number" domain={domain} ticks={evenTicks(domain, X_TICKS)} tickFormatter={(t: number) => format(t, tick)} tick={AXIS_TICK} minTickGap={28} tickLine={false} axisLine={false} />
        <YAxis width={56} domain={[0, yMax ?? "auto"]} tickFormatter={formatValue} tick={AXIS_TICK} tickLine={false} axisLine={false} allowDecimals={false} />
        <Tooltip
          labelFormatter={(t) => format(Number(t), "d MMM yyyy, HH:mm")}
          formatter={(value, name) => [formatValue(Number(value)), config[name as K]?.label ?? String(name)]}
          contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "var(--chart-grid)" }}
        />
        {thresholds.map(({ value, level }) => (
          <ReferenceLine key={level} y={value} stroke={THRESHOLD_COLOR[level]} strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: `${level} ${formatValue(value)}`, position: "insideTopRight", fontSize: 10, fill: THRESHOLD_COLOR[level] }} />
        ))}
        {keys.map((key) => drawSeries(key, config[key], rows.length < SPARSE_POINTS))}
      </ComposedChart>
    </div>
  );
}

// What a screen reader hears instead of the picture: each series' latest and highest value.
function summary<K extends string>(rows: ChartRow<K>[], keys: K[], config: SeriesConfig<K>, formatValue: (value: number) => string): string {
  return keys
    .map((key) => {
      const values = rows.map((row) => row[key]).filter((value): value is NonNullable<typeof value> => value !== undefined);
      return values.length ? `${config[key].label}: latest ${formatValue(values.at(-1)!)}, highest ${formatValue(Math.max(...values))}.` : `${config[key].label}: no samples.`;
    })
    .join(" ");
}

// With only a few samples a line is too short to see; its points are drawn instead.
const SPARSE_POINTS = 3;

function drawSeries(key: string, { kind, color, stackId, label, dashed }: SeriesSpec, showDots: boolean) {
  const common = { key, dataKey: key, name: key, stackId, isAnimationActive: false, "aria-label": label };
  if (kind === "bar") return <Bar {...common} fill={color} maxBarSize={12} />;
  if (kind === "area") return <Area {...common} type="monotone" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.5} dot={showDots} connectNulls={false} />;
  return <Line {...common} type="monotone" stroke={color} strokeWidth={1.5} strokeDasharray={dashed ? "4 3" : undefined} dot={showDots && !dashed} connectNulls={false} />;
}
