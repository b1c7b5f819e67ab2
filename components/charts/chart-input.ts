import type { MetricSeriesData } from "@/lib/client-data/dashboard-keys";
import type { TimeRange } from "@/lib/shared/time-ranges";

/** What every chart is drawn from: the range's series and its time window. */
export interface ChartInput {
  series: MetricSeriesData[];
  range: TimeRange;
  domain: [number, number];
}
