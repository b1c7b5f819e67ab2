"use client";

import { byInstance, rowsFromColumns } from "@/lib/client-data/chart-rows";
import { formatPercent } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, type Threshold, TimeSeriesChart } from "./time-series-chart";

const PALETTE = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-5)"];

/** CPU, memory or disk percent, one line per instance, against the rule's levels. */
export function ChartHostUsage({ metric, columns, range, domain, thresholds }: ChartInput & { metric: "cpu" | "memory" | "disk"; thresholds: Threshold[] }) {
  const rows = rowsFromColumns(columns, byInstance(metric));
  const instances = [...new Set(columns.series.filter((one) => one.metric === metric).map((one) => one.instance))].sort();
  const config: SeriesConfig<string> = Object.fromEntries(instances.map((instance, index) => [instance, { label: instance, color: PALETTE[index % PALETTE.length], kind: "line" }]));
  return <TimeSeriesChart rows={rows} config={config} range={range} domain={domain} formatValue={formatPercent} thresholds={thresholds} yMax={100} />;
}
