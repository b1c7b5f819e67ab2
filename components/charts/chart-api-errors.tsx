"use client";

import { byMetric, ratioRows, rowsFromColumns } from "@/lib/client-data/chart-rows";
import { formatPercent } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, type Threshold, TimeSeriesChart } from "./time-series-chart";

const CONFIG = {
  errorRate: { label: "5xx error rate", color: "var(--chart-4)", kind: "area" },
} satisfies SeriesConfig<"errorRate">;

/** The API error rate per minute against the HIGH_API_ERROR_RATE levels. */
export function ChartApiErrors({ columns, range, domain, thresholds }: ChartInput & { thresholds: Threshold[] }) {
  const counts = rowsFromColumns(columns, byMetric(["api_requests", "api_errors"] as const));
  const rows = ratioRows(counts, "api_errors", "api_requests", "errorRate");
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatPercent} thresholds={thresholds} />;
}
