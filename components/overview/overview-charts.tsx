"use client";

import dynamic from "next/dynamic";
import type { DashboardData } from "@/lib/client-data/dashboard-keys";
import type { Thresholds } from "@/lib/config";
import { Panel } from "../ui/panel";
import { Skeleton } from "../ui/skeleton";

const CHART_COUNT = 8;

function ChartsLoading() {
  return (
    <div role="status" aria-label="Loading charts" className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {Array.from({ length: CHART_COUNT }, (_, index) => (
        <Panel key={index}>
          <Skeleton className="h-[204px] w-full" />
        </Panel>
      ))}
    </div>
  );
}

// recharts is the largest client library here; it loads in its own chunk, after the figures show.
const ChartGrid = dynamic(() => import("./chart-grid"), { ssr: false, loading: ChartsLoading });

export function OverviewCharts({ charts, thresholds }: { charts: NonNullable<DashboardData["charts"]> | undefined; thresholds: Thresholds }) {
  if (!charts) return <ChartsLoading />;
  const domain: [number, number] = [Date.parse(charts.from), Date.parse(charts.to)];
  return <ChartGrid input={{ columns: { t: charts.t, series: charts.series }, range: charts.range, domain }} lastWeek={charts.lastWeek} thresholds={thresholds} />;
}
