import { onRequestCompleted } from "../http/request-hooks";
import type { MetricsTracker } from "./metrics-tracker";

/** Counts every /api/v1 request the route wrapper reports; returns the unsubscribe. */
export function trackApiRequests(tracker: MetricsTracker): () => void {
  return onRequestCompleted(({ route, method, status, durationMs }) => tracker.recordApiRequest(route, method, status, durationMs));
}
