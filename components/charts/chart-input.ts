import type { ChartColumns } from "@/lib/shared/chart-columns";
import type { TimeRange } from "@/lib/shared/time-ranges";

/** What every chart is drawn from: the range's series as columns and its time window. */
export interface ChartInput {
  columns: ChartColumns;
  range: TimeRange;
  domain: [number, number];
}
