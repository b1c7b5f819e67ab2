// Chart series as columns: one array of timestamps shared by every series of an answer, and one
// array of values per series (null where that series has no point). Free of server imports, so
// the dashboard's answer and the client's charts read the same shape.

export interface SeriesColumn<M extends string = string> {
  instance: string;
  metric: M;
  unit: string;
  /** One value per timestamp of the answer's `t`; null where the series has no point. */
  values: Array<number | null>;
}

export interface ChartColumns<M extends string = string> {
  /** Epoch milliseconds, ascending. */
  t: number[];
  series: SeriesColumn<M>[];
}

interface PointSeries<M extends string> {
  instance: string;
  metric: M;
  unit: string;
  points: Array<{ t: string; value: number }>;
}

/**
 * A value as charts need it: four significant digits (whole numbers from 1000 up), finer than
 * a chart's pixels and than the one decimal its tooltip shows.
 */
export function chartValue(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1000) return Math.round(value);
  return Number(value.toPrecision(4));
}

/** A series with its points' times (epoch ms, ascending) beside their values. */
export interface TimedSeries<M extends string> {
  instance: string;
  metric: M;
  unit: string;
  t: number[];
  values: number[];
}

/** Lays series of points out as columns on their shared timestamps; `shiftMs` moves every point. */
export function toColumns<M extends string>(groups: ReadonlyArray<readonly PointSeries<M>[]>, shiftMs: readonly number[] = []): { t: number[]; groups: SeriesColumn<M>[][] } {
  const timed = groups.map((group) =>
    group.map(({ instance, metric, unit, points }) => ({ instance, metric, unit, t: points.map((point) => Date.parse(point.t)), values: points.map((point) => point.value) })),
  );
  return timedToColumns(timed, shiftMs);
}

/** toColumns of series whose times are already epoch milliseconds. */
export function timedToColumns<M extends string>(groups: ReadonlyArray<readonly TimedSeries<M>[]>, shiftMs: readonly number[] = []): { t: number[]; groups: SeriesColumn<M>[][] } {
  const times = new Set<number>();
  groups.forEach((group, g) => {
    for (const one of group) for (const time of one.t) times.add(time + (shiftMs[g] ?? 0));
  });
  const t = [...times].sort((a, b) => a - b);
  const index = new Map(t.map((time, i) => [time, i]));
  const columns = groups.map((group, g) =>
    group.map(({ instance, metric, unit, t: times, values: points }) => {
      const values: Array<number | null> = new Array(t.length).fill(null);
      for (let i = 0; i < times.length; i++) values[index.get(times[i] + (shiftMs[g] ?? 0))!] = chartValue(points[i]);
      return { instance, metric, unit, values };
    }),
  );
  return { t, groups: columns };
}
