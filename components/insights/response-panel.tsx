import type { InsightsData } from "@/lib/client-data/insight-keys";
import { alertTypeLabel, formatCount, formatDuration } from "@/lib/client-data/format";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { FigureTable } from "./figure-table";
import { Trend } from "./trend";

type Row = InsightsData["response"]["overall"];

const COLUMNS = ["", "Alerts", "Acknowledge: mean", "p90", "Resolve: mean", "p90"];

function cells(name: string, row: Row) {
  const { alerts, acknowledge, resolve } = row.current;
  return [
    name,
    formatCount(alerts),
    <>
      {formatDuration(acknowledge.meanSeconds)} <Trend percent={row.trend.acknowledgeMeanPercent} />
    </>,
    formatDuration(acknowledge.p90Seconds),
    <>
      {formatDuration(resolve.meanSeconds)} <Trend percent={row.trend.resolveMeanPercent} />
    </>,
    formatDuration(resolve.p90Seconds),
  ];
}

/** Time to acknowledge and to resolve, overall, per severity and per rule, with the change from the previous period. */
export function ResponsePanel({ response }: { response: InsightsData["response"] }) {
  if (response.overall.current.alerts === 0) {
    return (
      <Panel title="Response">
        <EmptyState title="No alerts in this range">Times to acknowledge and resolve appear once rules raise alerts and someone acknowledges or resolves them.</EmptyState>
      </Panel>
    );
  }
  const rows = [
    { key: "all", cells: cells("All alerts", response.overall) },
    ...response.bySeverity.map((row) => ({ key: row.severity, cells: cells(row.severity === "CRITICAL" ? "Critical" : "Warning", row) })),
    ...response.byRule.map((row) => ({ key: row.type, cells: cells(alertTypeLabel(row.type), row) })),
  ];
  return (
    <Panel title="Response">
      <FigureTable label="Response times" columns={COLUMNS} rows={rows} />
    </Panel>
  );
}
