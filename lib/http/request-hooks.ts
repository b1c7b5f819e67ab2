import { createHook } from "../runtime/hook";

export interface CompletedRequest {
  /** The route template, e.g. /api/v1/monitoring/alerts/[id]: bounded, unlike the raw path. */
  route: string;
  method: string;
  status: number;
  durationMs: number;
  /** False when the request was refused before its handler ran (credentials, input). */
  reachedHandler: boolean;
}

const requests = createHook<CompletedRequest>("requestListeners");

/** Lets the metrics layer observe every /api/v1 request without the HTTP layer knowing it. */
export const onRequestCompleted = requests.on;

export const reportRequestCompleted = requests.report;
