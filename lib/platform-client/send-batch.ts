import type { IngestResult, MonitorEvent } from "./events";

export interface SendOptions {
  endpoint: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export type SendOutcome =
  | { kind: "sent"; result: IngestResult }
  /** The server refused the batch (4xx other than 429): resending it would fail the same way. */
  | { kind: "refused"; status: number; message: string }
  /** Network errors, 429 or 5xx on every attempt: worth trying again later. */
  | { kind: "unavailable"; message: string };

type Attempt = SendOutcome | { kind: "retry"; message: string; retryAfterMs?: number };

/**
 * POSTs one batch, retrying network errors, 429 and 5xx with exponential backoff and jitter.
 * Aborting `signal` (a shutdown deadline) ends the attempts at once.
 */
export async function sendBatch(events: MonitorEvent[], options: SendOptions, signal: AbortSignal): Promise<SendOutcome> {
  for (let attempt = 0; ; attempt++) {
    // A flush queued behind the one the deadline cut short must not start a request of its own.
    if (signal.aborted) return { kind: "unavailable", message: "the client is closing" };
    const outcome = await attemptOnce(events, options, signal);
    if (outcome.kind !== "retry") return outcome;
    if (attempt >= options.maxRetries) return { kind: "unavailable", message: outcome.message };
    await sleep(outcome.retryAfterMs ?? backoffMs(attempt, options), signal);
    if (signal.aborted) return { kind: "unavailable", message: outcome.message };
  }
}

async function attemptOnce(events: MonitorEvent[], options: SendOptions, shutdown: AbortSignal): Promise<Attempt> {
  const request = new AbortController();
  const timer = setTimeout(() => request.abort(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  const abandon = () => request.abort(new Error("the client is closing"));
  shutdown.addEventListener("abort", abandon, { once: true });
  try {
    const response = await options.fetch(options.endpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
      signal: request.signal,
    });
    if (response.ok) return { kind: "sent", result: (await response.json()) as IngestResult };
    const message = `HTTP ${response.status}: ${await errorMessage(response)}`;
    if (response.status === 429 || response.status >= 500) {
      return { kind: "retry", message, retryAfterMs: retryAfterMs(response, options.retryMaxMs) };
    }
    return { kind: "refused", status: response.status, message };
  } catch (error) {
    return { kind: "retry", message: `network error: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
    shutdown.removeEventListener("abort", abandon);
  }
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
  } catch {
    return text.slice(0, 200);
  }
}

function retryAfterMs(response: Response, maxMs: number): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, maxMs) : undefined;
}

// Full doubling with jitter in its upper half, so many clients recovering at once spread out.
function backoffMs(attempt: number, { retryBaseMs, retryMaxMs }: SendOptions): number {
  const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake, { once: true });
  });
}
