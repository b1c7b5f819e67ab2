import { randomUUID } from "node:crypto";
import { EventBuffer } from "./event-buffer";
import { type IngestResult, MAX_BATCH_EVENTS, type MonitorEvent, SERVICE_NAME, type WhatsAppStatus } from "./events";
import { sendBatch, type SendOptions } from "./send-batch";

export interface MonitorClientOptions {
  /** Khaacho Monitor's base URL, e.g. http://monitor.internal:3000. */
  baseUrl: string;
  /** An API token with the INGEST role (`npm run token:create -- --name orders --role INGEST`). */
  token: string;
  /** Events per request; a full batch is sent at once (default 200, at most 1000). */
  batchSize?: number;
  /** Longest an event waits in the buffer before it is sent (default 5000 ms). */
  flushIntervalMs?: number;
  /** Most events kept while the monitor is unreachable; beyond it the oldest go (default 10000). */
  maxBufferedEvents?: number;
  /** Retries of one request on network errors, 429 and 5xx (default 5). */
  maxRetries?: number;
  /** First retry delay, doubled each time up to retryMaxMs (defaults 500 and 30000 ms). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  requestTimeoutMs?: number;
  /** Longest close() waits for the monitor before dropping what is still buffered (default 10000 ms). */
  closeTimeoutMs?: number;
  /** This service's name (e.g. order-service): given, the client sends a heartbeat every heartbeatIntervalMs until close(). */
  service?: string;
  /** Default 30000 ms. */
  heartbeatIntervalMs?: number;
  /** Told of batches the server refused, events it rejected, and retries that ran out. */
  onError?: (error: Error) => void;
  fetch?: typeof fetch;
}

export interface MonitorClientStats {
  /** Events the server accepted or had already counted (a retried batch). */
  delivered: number;
  /** Events the server rejected as invalid, or in batches it refused (4xx). */
  rejected: number;
  /** Events dropped: the oldest when the buffer was full, and those left or recorded after close(). */
  dropped: number;
  /** Events waiting to be sent. */
  buffered: number;
}

// An error text is context, not a log: capped so that a full batch stays well under the 1 MB limit.
const MAX_ERROR_LENGTH = 500;

/**
 * Reports a platform service's orders, WhatsApp messages and jobs, and given its name its
 * heartbeats, to Khaacho Monitor. Recording never blocks or throws: events are buffered and sent
 * in batches, on size and on an interval, retried with backoff, and identified by a UUID so that a
 * retried batch is counted once.
 * Call close() on shutdown to send what is buffered.
 */
export class MonitorClient {
  private readonly buffer: EventBuffer<MonitorEvent>;
  private readonly batchSize: number;
  private readonly send: SendOptions;
  private readonly onError: (error: Error) => void;
  private readonly timer: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout | undefined;
  private readonly closeTimeoutMs: number;
  private readonly shutdown = new AbortController();
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private closed = false;
  private delivered = 0;
  private rejected = 0;
  private droppedAfterClose = 0;

  constructor(options: MonitorClientOptions) {
    if (options.service !== undefined && !SERVICE_NAME.test(options.service)) {
      throw new Error(`Invalid service name ${JSON.stringify(options.service.slice(0, 70))}: expected lower-case letters, digits, . _ or -, at most 63 characters`);
    }
    this.batchSize = Math.min(Math.max(1, options.batchSize ?? 200), MAX_BATCH_EVENTS);
    this.buffer = new EventBuffer(Math.max(options.maxBufferedEvents ?? 10_000, this.batchSize));
    this.send = {
      endpoint: `${options.baseUrl.replace(/\/$/, "")}/api/v1/monitoring/events`,
      token: options.token,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 5,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 30_000,
    };
    this.onError = options.onError ?? (() => {});
    this.closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 5000);
    this.timer.unref();
    const service = options.service;
    if (service !== undefined) {
      // Sent at once, so the monitor knows the service from its start, then on the interval.
      const beat = () => {
        this.record({ type: "service.heartbeat", service });
        void this.flush();
      };
      beat();
      this.heartbeat = setInterval(beat, options.heartbeatIntervalMs ?? 30_000);
      this.heartbeat.unref();
    }
  }

  orderCreated(at?: Date): void {
    this.record({ type: "order.created" }, at);
  }

  whatsappMessage(status: WhatsAppStatus, details: { error?: string; at?: Date } = {}): void {
    this.record({ type: "whatsapp.message", status, ...errorField(details.error) }, details.at);
  }

  jobCompleted(queue: string, durationMs: number, at?: Date): void {
    this.record({ type: "job.completed", queue, durationMs }, at);
  }

  jobFailed(queue: string, durationMs: number, details: { error?: string; at?: Date } = {}): void {
    this.record({ type: "job.failed", queue, durationMs, ...errorField(details.error) }, details.at);
  }

  stats(): MonitorClientStats {
    return { delivered: this.delivered, rejected: this.rejected, dropped: this.dropped, buffered: this.buffer.size };
  }

  get dropped(): number {
    return this.buffer.dropped + this.droppedAfterClose;
  }

  /**
   * Sends everything buffered now. Resolves when it is delivered, refused, or (monitor unreachable
   * after every retry) back in the buffer for the next flush; never rejects.
   */
  flush(): Promise<void> {
    // A drain that has not started yet will see every event buffered so far: share it.
    if (this.queued) return this.queued;
    const next = this.tail
      .then(() => {
        this.queued = null;
        return this.drain();
      })
      // Only a throwing onError can get here; it must not stop later flushes.
      .catch(() => {});
    this.queued = next;
    this.tail = next;
    return next;
  }

  /**
   * Stops the interval and sends what is buffered, giving up after closeTimeoutMs so a service's
   * shutdown never hangs on an unreachable monitor; events left then, or recorded later, are dropped.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    const deadline = setTimeout(() => this.shutdown.abort(), this.closeTimeoutMs);
    await this.flush();
    clearTimeout(deadline);
    this.droppedAfterClose += this.buffer.take(this.buffer.size).length;
  }

  private record(event: DistributiveOmit<MonitorEvent, "id" | "timestamp">, at = new Date()): void {
    if (this.closed) {
      this.droppedAfterClose++;
      return;
    }
    this.buffer.push({ ...event, id: randomUUID(), timestamp: at.toISOString() } as MonitorEvent);
    if (this.buffer.size >= this.batchSize) void this.flush();
  }

  private async drain(): Promise<void> {
    while (this.buffer.size > 0) {
      const batch = this.buffer.take(this.batchSize);
      const outcome = await sendBatch(batch, this.send, this.shutdown.signal);
      if (outcome.kind === "sent") {
        this.noteResult(outcome.result, batch.length);
      } else if (outcome.kind === "refused") {
        this.rejected += batch.length;
        this.onError(new Error(`Khaacho Monitor refused ${batch.length} events: ${outcome.message}`));
      } else {
        this.buffer.putBack(batch);
        this.onError(new Error(`Khaacho Monitor unreachable; ${this.buffer.size} events kept for the next flush: ${outcome.message}`));
        return;
      }
    }
  }

  private noteResult(result: IngestResult, sent: number): void {
    this.delivered += sent - result.rejected;
    this.rejected += result.rejected;
    if (result.rejected > 0) {
      const first = result.errors[0];
      this.onError(new Error(`Khaacho Monitor rejected ${result.rejected} events, e.g. ${first?.id ?? "#" + first?.index}: ${first?.reason}`));
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function errorField(error: string | undefined): { error?: string } {
  return error === undefined ? {} : { error: error.slice(0, MAX_ERROR_LENGTH) };
}
