"use client";

import { byMetric, rowsFromSeries } from "@/lib/client-data/chart-rows";
import { formatCount } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, TimeSeriesChart } from "./time-series-chart";

const CONFIG = {
  orders_created: { label: "Orders a minute", color: "var(--chart-1)", kind: "area" },
} satisfies SeriesConfig<"orders_created">;

// The order rule counts an hour, the chart a minute, so its threshold is not drawn here.
export function ChartOrders({ series, range, domain }: ChartInput) {
  const rows = rowsFromSeries(series, byMetric(["orders_created"] as const));
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatCount} emptyHint="Orders appear once platform services send events (POST /api/v1/monitoring/events, or npm run simulate)." />;
}
