import type { Db } from "../../db/client";
import { METRIC_CATALOGUE, type MetricName } from "../metric-catalogue";
import { type ResolutionChoice, resolutionFor } from "../series-resolution";
import { readMinuteRows } from "./minute-series";
import { readRollupRows } from "./rollup-series";

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
 * Each (instance, metric) between from and to in at most maxPoints points: short ranges from the
 * minute samples, long ones from the hourly (or daily) rollups.
 */
export async function getMetricSeries(db: Db, query: SeriesQuery): Promise<MetricSeries[]> {
  const resolution = resolutionFor(query.to.getTime() - query.from.getTime(), query.resolution);
  const rows = resolution === "minute" ? await readMinuteRows(db, query) : await readRollupRows(db, resolution, query);
  return groupIntoSeries(rows);
}

function groupIntoSeries(rows: MetricSeriesRow[]): MetricSeries[] {
  const series: MetricSeries[] = [];
  let current: MetricSeries | undefined;
  for (const row of rows) {
    if (!current || current.instance !== row.instance || current.metric !== row.metric) {
      current = { instance: row.instance, metric: row.metric, unit: METRIC_CATALOGUE[row.metric].unit, points: [] };
      series.push(current);
    }
    current.points.push({ t: row.t.toISOString(), value: Math.round(row.value * 1000) / 1000 });
  }
  return series;
}
