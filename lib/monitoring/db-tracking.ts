import { onQueryCompleted } from "../db/query-hooks";
import type { MetricsTracker } from "./metrics-tracker";

/** Times every successful Prisma query, model or raw, into the database latency; returns the unsubscribe. */
export function trackDbQueries(tracker: MetricsTracker): () => void {
  return onQueryCompleted(({ durationMs }) => tracker.recordDbQuery(durationMs));
}
