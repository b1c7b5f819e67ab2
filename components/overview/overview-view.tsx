"use client";

import { useSearchParams } from "next/navigation";
import { readRange } from "@/lib/client-data/time-ranges";
import { OVERVIEW_RANGES } from "@/lib/shared/time-ranges";
import { useDashboard } from "@/lib/client-data/use-dashboard";
import type { Thresholds } from "@/lib/config";
import { PageHeader } from "../shell/app-shell";
import { ErrorBanner } from "../ui/error-banner";
import { Skeleton } from "../ui/skeleton";
import { AlertFeed } from "./alert-feed";
import { HealthStrip } from "./health-strip";
import { KeyFigures } from "./key-figures";
import { OverviewCharts } from "./overview-charts";
import { RangePicker } from "./range-picker";
import { ServicesPanel } from "./services-panel";
import { SilencedNotice } from "./silenced-notice";

const UNAVAILABLE = { metrics: "key figures", alerts: "alert counts", charts: "charts" } as const;

export function OverviewView({ thresholds }: { thresholds: Thresholds }) {
  const range = readRange(useSearchParams(), OVERVIEW_RANGES);
  const dashboard = useDashboard(range);
  const data = dashboard.data;
  const missing = data?.unavailable.map((section) => UNAVAILABLE[section]) ?? [];
  return (
    <>
      <PageHeader title="Overview" description="Live figures of the ordering platform; refreshes by itself." actions={<RangePicker ranges={OVERVIEW_RANGES} value={range} />} />
      {dashboard.isError && !data && (
        <ErrorBanner title="Could not load the overview" onRetry={() => dashboard.refetch()}>
          {dashboard.error.message}
        </ErrorBanner>
      )}
      {missing.length > 0 && <ErrorBanner title={`Some of the overview is unavailable: ${missing.join(", ")}`}>Its data source is not answering; see the health strip.</ErrorBanner>}
      {data ? <HealthStrip health={data.health} /> : <Skeleton className="h-[68px] w-full" />}
      <SilencedNotice />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="flex flex-col gap-6 xl:order-2">
          <AlertFeed />
          <ServicesPanel />
        </div>
        <div className="xl:order-1 xl:col-span-2">{data?.metrics ? <KeyFigures metrics={data.metrics} stalledQueues={data.stalledQueues ?? []} thresholds={thresholds} /> : <FiguresLoading />}</div>
      </div>
      <OverviewCharts charts={data?.charts ?? undefined} thresholds={thresholds} />
    </>
  );
}

function FiguresLoading() {
  return (
    <div role="status" aria-label="Loading key figures" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-[104px] w-full" />
      ))}
    </div>
  );
}
