"use client";

import dynamic from "next/dynamic";
import type { InsightsData } from "@/lib/client-data/insight-keys";
import { alertTypeLabel, formatCount, formatPercent } from "@/lib/client-data/format";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { Skeleton } from "../ui/skeleton";
import { FigureTable } from "./figure-table";

const ChartAlertsPerDay = dynamic(() => import("./chart-alerts-per-day"), { ssr: false, loading: () => <Skeleton className="h-[204px] w-full" /> });

type Volume = InsightsData["volume"];

const OUTCOMES = [
  ["acknowledged", "Acknowledged by a person"],
  ["resolvedByPerson", "Resolved by a person, never acknowledged"],
  ["resolvedAutomatically", "Resolved automatically"],
  ["open", "Still open, unacknowledged"],
] as const;

const share = (part: number, total: number) => formatPercent(total === 0 ? null : Math.round((part / total) * 1000) / 10);

/** Alerts per day by severity, what became of them, and the rules that raised them, most first. */
export function VolumePanel({ volume }: { volume: Volume }) {
  if (volume.total === 0) {
    return (
      <Panel title="Volume">
        <EmptyState title="No alerts in this range">The chart fills as rules raise alerts; widen the range or check the rules under Settings.</EmptyState>
      </Panel>
    );
  }
  return (
    <Panel title={`Volume: ${formatCount(volume.total)} alerts`}>
      <ChartAlertsPerDay days={volume.perDay} />
      <dl aria-label="Outcomes" className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTCOMES.map(([key, label]) => (
          <div key={key} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">
              {share(volume.outcomes[key], volume.total)} <span className="text-xs font-normal text-slate-500">({formatCount(volume.outcomes[key])})</span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <FigureTable
          label="Alerts per rule"
          columns={["Rule", "Alerts", "Critical", "Acknowledged", "Resolved automatically", "Open"]}
          rows={volume.byRule.map((rule) => ({
            key: rule.type,
            cells: [alertTypeLabel(rule.type), formatCount(rule.alerts), formatCount(rule.critical), share(rule.acknowledged, rule.alerts), share(rule.resolvedAutomatically, rule.alerts), formatCount(rule.open)],
          }))}
        />
      </div>
    </Panel>
  );
}
