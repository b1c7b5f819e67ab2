"use client";

import { byMetric, rowsFromColumns } from "@/lib/client-data/chart-rows";
import { formatMs } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, TimeSeriesChart } from "./time-series-chart";

const CONFIG = {
  api_latency_p95: { label: "p95 latency", color: "var(--chart-5)", kind: "line" },
} satisfies SeriesConfig<"api_latency_p95">;

export function ChartApiLatency({ columns, range, domain }: ChartInput) {
  const rows = rowsFromColumns(columns, byMetric(["api_latency_p95"] as const));
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatMs} />;
}
