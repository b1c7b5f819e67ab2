import type { Db } from "../../db/client";
import type { TimedSeries as ChartTimedSeries } from "../../shared/chart-columns";
import { METRIC_CATALOGUE, type MetricName } from "../metric-catalogue";
import { type ResolutionChoice, resolutionFor } from "../series-resolution";
import { readMinuteRows } from "./minute-series";
import { readRollupSeries } from "./rollup-series";

export interface MetricPoint {
  t: string;
  value: number;
}

export interface MetricSeries {
  instance: string;
  metric: MetricName;
  unit: string;
  points: MetricPoint[];
}

/** A series as read: its points' times (epoch ms, ascending) beside their values. */
export type TimedSeries = ChartTimedSeries<MetricName>;

export interface MetricSeriesRow {
  instance: string;
  metric: MetricName;
  t: Date;
  value: number;
}

export interface SeriesQuery {
  metrics: readonly MetricName[];
  from: Date;
  to: Date;
  instance?: string;
  maxPoints: number;
  /** Where to read from; by default the coarsest resolution the range allows (series-resolution.ts). */
  resolution?: ResolutionChoice;
}

/**
 * Each (instance, metric) between from and to in at most maxPoints points, ordered by instance
 * then metric: short ranges from the minute samples, long ones from the hourly (or daily) rollups.
 */
export async function readSeries(db: Db, query: SeriesQuery): Promise<TimedSeries[]> {
  const resolution = resolutionFor(query.to.getTime() - query.from.getTime(), query.resolution);
  return resolution === "minute" ? groupIntoSeries(await readMinuteRows(db, query)) : readRollupSeries(db, resolution, query);
}

/** readSeries with each point's time as an ISO string, as the system-metrics answer gives it. */
export async function getMetricSeries(db: Db, query: SeriesQuery): Promise<MetricSeries[]> {
  return (await readSeries(db, query)).map(({ instance, metric, unit, t, values }) => ({
    instance,
    metric,
    unit,
    points: t.map((time, i) => ({ t: new Date(time).toISOString(), value: values[i] })),
  }));
}

/** A value as series give it: to a thousandth. */
export const roundedValue = (value: number) => Math.round(value * 1000) / 1000;

const seriesKey = ({ instance, metric }: { instance: string; metric: string }) => `${instance}\u0000${metric}`;

/** Series by instance, then metric, compared by code unit rather than by a database collation. */
export function inSeriesOrder<S extends { instance: string; metric: string }>(series: S[]): S[] {
  return series.sort((a, b) => {
    const [x, y] = [seriesKey(a), seriesKey(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Rows in (instance, metric, t) order into one series each. */
function groupIntoSeries(rows: MetricSeriesRow[]): TimedSeries[] {
  const series: TimedSeries[] = [];
  let current: TimedSeries | undefined;
  for (const row of rows) {
    if (!current || current.instance !== row.instance || current.metric !== row.metric) {
      current = { instance: row.instance, metric: row.metric, unit: METRIC_CATALOGUE[row.metric].unit, t: [], values: [] };
      series.push(current);
    }
    current.t.push(row.t.getTime());
    current.values.push(roundedValue(row.value));
  }
  return series;
}
