export interface CompletedRequest {
  /** The route template, e.g. /api/v1/monitoring/alerts/[id]: bounded, unlike the raw path. */
  route: string;
  method: string;
  status: number;
  durationMs: number;
  /** False when the request was refused before its handler ran (credentials, input). */
  reachedHandler: boolean;
}

type Listener = (request: CompletedRequest) => void;

const globalForHooks = globalThis as unknown as { khaachoRequestListeners?: Listener[] };
const listeners = (globalForHooks.khaachoRequestListeners ??= []);

/** Lets the metrics layer observe every /api/v1 request without the HTTP layer knowing it. */
export function onRequestCompleted(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  };
}

export function reportRequestCompleted(request: CompletedRequest): void {
  for (const listener of listeners) {
    try {
      listener(request);
    } catch {
      // A broken observer must never fail the request it observes.
    }
  }
}
