"use client";

import { byMetric, rowsFromColumns } from "@/lib/client-data/chart-rows";
import type { SeriesColumn } from "@/lib/shared/chart-columns";
import { formatCount } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, TimeSeriesChart } from "./time-series-chart";

// Last week first, so today's area is drawn over it.
const CONFIG = {
  last_week: { label: "Same time last week", color: "var(--chart-axis)", kind: "line", dashed: true },
  orders_created: { label: "Orders a minute", color: "var(--chart-1)", kind: "area" },
} satisfies SeriesConfig<"last_week" | "orders_created">;

// The order rule counts an hour, the chart a minute, so its threshold is not drawn here. Last
// week's line shows a drop before ORDER_RATE_DROP fires.
export function ChartOrders({ columns, lastWeek, range, domain }: ChartInput & { lastWeek: SeriesColumn[] }) {
  const today = byMetric(["orders_created"] as const);
  const rows = rowsFromColumns({ t: columns.t, series: [...columns.series, ...lastWeek] }, (one) => (lastWeek.includes(one) ? "last_week" : today(one)));
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatCount} emptyHint="Orders appear once platform services send events (POST /api/v1/monitoring/events, or npm run simulate)." />;
}
