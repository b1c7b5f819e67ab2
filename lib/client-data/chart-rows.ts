import type { MetricSeriesData } from "./dashboard-keys";

/** One point in time across a chart's series, keyed by series: what recharts draws from. */
export type ChartRow<K extends string = string> = { t: number } & Partial<Record<K, number>>;

/**
 * Merges series into rows by timestamp. `keyFor` names the chart series a metric series feeds
 * (by metric for business charts, by instance for host charts), or undefined to leave it out.
 */
export function rowsFromSeries<K extends string>(series: MetricSeriesData[], keyFor: (series: MetricSeriesData) => K | undefined): ChartRow<K>[] {
  const byTime = new Map<number, ChartRow<K>>();
  for (const one of series) {
    const key = keyFor(one);
    if (key === undefined) continue;
    for (const point of one.points) {
      const t = Date.parse(point.t);
      const row = byTime.get(t) ?? ({ t } as ChartRow<K>);
      (row as Record<string, number>)[key] = point.value;
      byTime.set(t, row);
    }
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

/** Series keyed by their metric name, for the metrics listed. */
export function byMetric<K extends string>(metrics: readonly K[]): (series: MetricSeriesData) => K | undefined {
  return (series) => metrics.find((metric) => metric === series.metric);
}

/** Series of one metric keyed by instance, for per-host charts. */
export function byInstance(metric: string): (series: MetricSeriesData) => string | undefined {
  return (series) => (series.metric === metric ? series.instance : undefined);
}

/** Percent of `part` in `whole` for each row that has traffic; rows without are left without a value. */
export function ratioRows<P extends string, W extends string, K extends string>(rows: ChartRow<P | W>[], part: P, whole: W, key: K): ChartRow<K>[] {
  return rows.map((row) => {
    const total = row[whole];
    return (total ? { t: row.t, [key]: Math.round(((row[part] ?? 0) / total) * 1000) / 10 } : { t: row.t }) as ChartRow<K>;
  });
}
