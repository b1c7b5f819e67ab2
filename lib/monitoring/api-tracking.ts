import { onRequestCompleted } from "../http/request-hooks";
import type { MetricsTracker } from "./metrics-tracker";

/**
 * Counts every /api/v1 request the route wrapper reports; returns the unsubscribe. Requests refused
 * before their handler (no or wrong credentials, invalid input) are kept apart, so junk traffic
 * cannot dilute the error rate; a 5xx always counts, wherever it came from.
 */
export function trackApiRequests(tracker: MetricsTracker): () => void {
  return onRequestCompleted(({ route, method, status, durationMs, reachedHandler }) => {
    if (reachedHandler || status >= 500) tracker.recordApiRequest(route, method, status, durationMs);
    else tracker.recordRefusedApiRequest(route, method, status, durationMs);
  });
}
