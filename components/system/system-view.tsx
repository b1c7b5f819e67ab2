"use client";

import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { readParam } from "@/lib/client-data/search-params";
import type { SystemMetricsData } from "@/lib/client-data/dashboard-keys";
import { readRange } from "@/lib/client-data/time-ranges";
import { SYSTEM_RANGES, type TimeRange } from "@/lib/shared/time-ranges";
import { useSystemMetrics } from "@/lib/client-data/use-dashboard";
import { useSetSearchParams } from "@/lib/client-data/use-search-param-state";
import type { Thresholds } from "@/lib/config";
import { RangePicker } from "../overview/range-picker";
import { PageHeader } from "../shell/app-shell";
import { EmptyState } from "../ui/empty-state";
import { QueryView } from "../ui/query-view";
import { SelectField } from "../ui/field";
import { Panel } from "../ui/panel";
import { LoadingPanel, Skeleton } from "../ui/skeleton";
import { InstanceSummary } from "./instance-summary";

const InstanceCharts = dynamic(() => import("./instance-charts"), { ssr: false, loading: () => <Skeleton className="h-[204px] w-full" /> });

export function SystemView({ thresholds }: { thresholds: Thresholds }) {
  const range = readRange(useSearchParams(), SYSTEM_RANGES);
  const report = useSystemMetrics(range);
  return (
    <>
      <PageHeader title="System" description="CPU, memory and disk of every instance, as its collector samples them." actions={<RangePicker ranges={SYSTEM_RANGES} value={range} />} />
      <QueryView
        query={report}
        loading={<LoadingPanel label="Loading system metrics" rows={5} />}
        errorTitle="Could not load system metrics"
      >
        {(data) => <Instances report={data} range={range} thresholds={thresholds} />}
      </QueryView>
    </>
  );
}

function Instances({ report, range, thresholds }: { report: SystemMetricsData; range: TimeRange; thresholds: Thresholds }) {
  const setParams = useSetSearchParams();
  const selected = readParam(useSearchParams(), "instance");
  const instances = [...new Set(report.series.map((one) => one.instance))].sort();
  const shown = selected ? instances.filter((instance) => instance === selected) : instances;
  const domain: [number, number] = [Date.parse(report.from), Date.parse(report.to)];
  if (instances.length === 0) {
    return (
      <EmptyState title="No samples in this range">
        Each instance samples its host every MONITORING_COLLECT_INTERVAL ms (a minute by default). Widen the range, or check that the server logs
        &quot;System metrics collection started&quot;.
      </EmptyState>
    );
  }
  return (
    <>
      {instances.length > 1 && (
        <div className="max-w-xs">
          <SelectField label="Instance" value={selected ?? ""} onChange={(event) => setParams({ instance: event.target.value })}>
            <option value="">All instances</option>
            {instances.map((instance) => (
              <option key={instance} value={instance}>
                {instance}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <InstanceSummary series={report.series} instances={shown} thresholds={thresholds} />
      {shown.map((instance) => (
        <Panel key={instance} title={instance}>
          <InstanceCharts input={{ series: report.series.filter((one) => one.instance === instance), range, domain }} thresholds={thresholds} />
        </Panel>
      ))}
    </>
  );
}
