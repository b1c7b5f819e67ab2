// Which stored resolution a chart range reads. Long ranges read the rollups: a 7-day chart from
// hourly rows reads 168 rows a series instead of 10,080 minutes.

export type Resolution = "minute" | "hour" | "day";
/** "auto" picks by range; "minute" always reads the minute rows (the benchmark's baseline). */
export type ResolutionChoice = "auto" | "minute";

export const RESOLUTION_MS: Record<Resolution, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** A chart with fewer points than this looks coarse; a range reads the coarsest resolution still giving it as many. */
export const MIN_CHART_POINTS = 100;

/** 1h, 6h, 24h: minutes; 7d, 30d: hours; ranges of 100 days and more: days. */
export function resolutionFor(rangeMs: number, choice: ResolutionChoice = "auto"): Resolution {
  if (choice === "minute") return "minute";
  if (rangeMs / RESOLUTION_MS.day >= MIN_CHART_POINTS) return "day";
  if (rangeMs / RESOLUTION_MS.hour >= MIN_CHART_POINTS) return "hour";
  return "minute";
}

/**
 * The width of a rollup chart's bins: the fewest whole periods per bin that keep the bins
 * touching [from, to], aligned on the epoch, within maxPoints (30 days of hours: 2-hour bins, 361 points).
 */
export function rollupBinMs(resolution: Resolution, from: Date, to: Date, maxPoints: number): number {
  const step = RESOLUTION_MS[resolution];
  for (let periods = 1; ; periods++) {
    const width = step * periods;
    if (Math.floor(to.getTime() / width) - Math.floor(from.getTime() / width) + 1 <= maxPoints) return width;
  }
}
