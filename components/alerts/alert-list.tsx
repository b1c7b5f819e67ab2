"use client";

import type { AlertFilters } from "@/lib/client-data/alert-filters";
import { useAlertList } from "@/lib/client-data/use-alerts";
import { EmptyState } from "../ui/empty-state";
import { LoadOlder } from "../ui/load-older";
import { LoadingBlock } from "../ui/skeleton";
import { AlertRow } from "./alert-row";
import { QueryView } from "../ui/query-view";
import type { AlertJson } from "@/lib/client-data/alert-keys";

export function AlertList({ filters }: { filters: AlertFilters }) {
  const list = useAlertList(filters);
  return (
    <QueryView query={list} loading={<LoadingBlock label="Loading alerts" rows={6} />} errorTitle="Could not load alerts">
      {({ pages }) => {
        const alerts = pages.flatMap((page) => page.alerts);
        return alerts.length ? <Alerts list={list} alerts={alerts} /> : <NoAlerts filtered={Object.values(filters).some((value) => value !== undefined)} />;
      }}
    </QueryView>
  );
}

function Alerts({ list, alerts }: { list: ReturnType<typeof useAlertList>; alerts: AlertJson[] }) {
  return (
    <div className="space-y-3">
      <ul aria-label="Alerts" className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
        {alerts.map((alert) => (
          <AlertRow key={alert.id} alert={alert} />
        ))}
      </ul>
      <LoadOlder query={list} shown={`${alerts.length} alert${alerts.length === 1 ? "" : "s"}`} label="Load older alerts" />
    </div>
  );
}

function NoAlerts({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState title="No alerts match these filters">Widen the time range or clear the filters to see more.</EmptyState>
  ) : (
    <EmptyState title="No alerts yet">
      An alert appears here when a rule&apos;s threshold is crossed (thresholds are listed under Settings). An admin can raise a test alert to try the
      pipeline.
    </EmptyState>
  );
}
