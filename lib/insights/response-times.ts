import type { AlertCount, AlertDay, Measure } from "./days/alert-days";
import { type AlertTotals, alertsOf, type PeriodDay, valuesOf } from "./days/period-days";
import { percentileCont } from "./percentile-cont";

/** How long alerts waited for a person (acknowledge) and to be over (resolve), in seconds. */
export interface Timing {
  count: number;
  meanSeconds: number | null;
  p90Seconds: number | null;
}

export interface ResponseFigures {
  alerts: number;
  acknowledge: Timing;
  resolve: Timing;
}

/** This period's figures, the previous period's, and the change of each mean in percent. */
export interface ResponseRow {
  current: ResponseFigures;
  previous: ResponseFigures;
  trend: { acknowledgeMeanPercent: number | null; resolveMeanPercent: number | null };
}

export interface ResponseSection {
  overall: ResponseRow;
  byRule: (ResponseRow & { type: string })[];
  bySeverity: (ResponseRow & { severity: string })[];
}

type Group = (row: { type: string; severity: string }) => boolean;

/**
 * Times to acknowledge and to resolve of the alerts raised in the period and in the one before,
 * overall, per rule and per severity, from the days' counts and values.
 */
export function responseTimes(days: PeriodDay<AlertDay>[]): ResponseSection {
  const current = alertsOf(days, true);
  const previous = alertsOf(days, false);
  const rowOf = (match: Group) => withTrend(figuresOf(current, match), figuresOf(previous, match));
  const types = [...new Set(current.counts.map((row) => row.type))];
  const severities = [...new Set(current.counts.map((row) => row.severity))].sort();
  return {
    overall: rowOf(() => true),
    byRule: types.map((type) => ({ type, ...rowOf((row) => row.type === type) })).sort((a, b) => b.current.alerts - a.current.alerts || a.type.localeCompare(b.type)),
    bySeverity: severities.map((severity) => ({ severity, ...rowOf((row) => row.severity === severity) })),
  };
}

const rounded = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 10) / 10);

function figuresOf(totals: AlertTotals, match: Group): ResponseFigures {
  const rows = totals.counts.filter(match);
  const sum = (pick: (row: AlertCount) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const timing = (measure: Measure, count: number): Timing => {
    const buckets = valuesOf(totals, rows, measure);
    const total = buckets.reduce((seconds, bucket) => seconds + bucket.value * bucket.count, 0);
    return { count, meanSeconds: count ? rounded(total / count) : null, p90Seconds: rounded(percentileCont(buckets, 0.9)) };
  };
  return { alerts: sum((row) => row.alerts), acknowledge: timing("ack", sum((row) => row.acknowledged)), resolve: timing("resolve", sum((row) => row.resolved)) };
}

/** The change from the previous mean in percent, one decimal; null without both means. */
export function changePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

function withTrend(current: ResponseFigures, previous: ResponseFigures): ResponseRow {
  return {
    current,
    previous,
    trend: {
      acknowledgeMeanPercent: changePercent(current.acknowledge.meanSeconds, previous.acknowledge.meanSeconds),
      resolveMeanPercent: changePercent(current.resolve.meanSeconds, previous.resolve.meanSeconds),
    },
  };
}
