"use client";

import { byMetric, rowsFromColumns } from "@/lib/client-data/chart-rows";
import { formatCount } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, TimeSeriesChart } from "./time-series-chart";

const CONFIG = {
  whatsapp_sent: { label: "Sent", color: "var(--chart-1)", kind: "line" },
  whatsapp_delivered: { label: "Delivered", color: "var(--chart-2)", kind: "line" },
  whatsapp_failed: { label: "Failed", color: "var(--chart-4)", kind: "line" },
} satisfies SeriesConfig<"whatsapp_sent" | "whatsapp_delivered" | "whatsapp_failed">;

export function ChartMessages({ columns, range, domain }: ChartInput) {
  const rows = rowsFromColumns(columns, byMetric(["whatsapp_sent", "whatsapp_delivered", "whatsapp_failed"] as const));
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatCount} emptyHint="Messages appear once the WhatsApp service reports them (POST /api/v1/monitoring/events)." />;
}
