"use client";

import { byMetric, rowsFromColumns } from "@/lib/client-data/chart-rows";
import { formatCount } from "@/lib/client-data/format";
import type { ChartInput } from "./chart-input";
import { type SeriesConfig, TimeSeriesChart } from "./time-series-chart";

const CONFIG = {
  jobs_completed: { label: "Completed", color: "var(--chart-2)", kind: "bar", stackId: "jobs" },
  jobs_failed: { label: "Failed", color: "var(--chart-4)", kind: "bar", stackId: "jobs" },
} satisfies SeriesConfig<"jobs_completed" | "jobs_failed">;

export function ChartJobs({ columns, range, domain }: ChartInput) {
  const rows = rowsFromColumns(columns, byMetric(["jobs_completed", "jobs_failed"] as const));
  return <TimeSeriesChart rows={rows} config={CONFIG} range={range} domain={domain} formatValue={formatCount} emptyHint="Jobs appear once the queue observer sees the platform's workers (needs Redis)." />;
}
