import type { ChartColumns, SeriesColumn } from "../shared/chart-columns";

/** One point in time across a chart's series, keyed by series: what recharts draws from. */
export type ChartRow<K extends string = string> = { t: number } & Partial<Record<K, number>>;

/**
 * Rows by timestamp from series laid out as columns. `keyFor` names the chart series a metric
 * series feeds (by metric for business charts, by instance for host charts), or undefined to
 * leave it out; a timestamp none of the chart's series has a value at is left out.
 */
export function rowsFromColumns<K extends string>({ t, series }: ChartColumns, keyFor: (series: SeriesColumn) => K | undefined): ChartRow<K>[] {
  const keyed = series.flatMap((one) => {
    const key = keyFor(one);
    return key === undefined ? [] : [{ key, values: one.values }];
  });
  const rows: ChartRow<K>[] = [];
  for (let i = 0; i < t.length; i++) {
    let row: ChartRow<K> | undefined;
    for (const { key, values } of keyed) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      row ??= { t: t[i] } as ChartRow<K>;
      (row as Record<string, number>)[key] = value;
    }
    if (row) rows.push(row);
  }
  return rows;
}

/** Series keyed by their metric name, for the metrics listed. */
export function byMetric<K extends string>(metrics: readonly K[]): (series: SeriesColumn) => K | undefined {
  return (series) => metrics.find((metric) => metric === series.metric);
}

/** Series of one metric keyed by instance, for per-host charts. */
export function byInstance(metric: string): (series: SeriesColumn) => string | undefined {
  return (series) => (series.metric === metric ? series.instance : undefined);
}

/** Percent of `part` in `whole` for each row that has traffic; rows without are left without a value. */
export function ratioRows<P extends string, W extends string, K extends string>(rows: ChartRow<P | W>[], part: P, whole: W, key: K): ChartRow<K>[] {
  return rows.map((row) => {
    const total = row[whole];
    return (total ? { t: row.t, [key]: Math.round(((row[part] ?? 0) / total) * 1000) / 10 } : { t: row.t }) as ChartRow<K>;
  });
}
