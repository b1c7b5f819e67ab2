import { type ConnectionOptions, QueueEvents, type QueueEventsListener, QueueKeys } from "bullmq";
import type { Redis } from "ioredis";
import type { JobOutcome } from "../monitoring/fields";
import { EventCursor, cursorKey, streamEntryMs } from "./event-cursor";
import { JobTiming } from "./job-timing";

export type RecordJob = (queue: string, outcome: JobOutcome, durationMs: number, at: number) => void;

export interface QueueObserverOptions {
  queue: string;
  /** BullMQ key prefix of the platform's queues. */
  prefix: string;
  /** Prefix of this product's own keys (the cursor). */
  keyPrefix: string;
  connection: ConnectionOptions;
  /** A shared non-blocking connection for the cursor and job reads. */
  client: Redis;
  record: RecordJob;
  onError: (error: unknown) => void;
  /** Told of every event that may change the queue's depth. */
  onChange?: () => void;
  retryMs?: number;
}

// The events BullMQ writes when a job enters, leaves or moves between the states a depth counts.
const DEPTH_EVENTS: Array<keyof QueueEventsListener> = ["added", "waiting", "active", "delayed", "completed", "failed", "removed", "stalled", "cleaned", "drained"];

/**
 * Counts one queue's completed and failed jobs from its event stream in Redis, with no help from
 * the workers. Events are handled one at a time in stream order, as the shared cursor requires.
 */
export class QueueObserver {
  private events: QueueEvents | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly cursor: EventCursor;
  private readonly timing: JobTiming;
  private readonly started: Promise<void>;

  constructor(private readonly options: QueueObserverOptions) {
    const keys = new QueueKeys(options.prefix);
    this.cursor = new EventCursor(options.client, cursorKey(options.keyPrefix, options.prefix, options.queue), keys.toKey(options.queue, "events"));
    this.timing = new JobTiming(options.client, (jobId) => keys.toKey(options.queue, jobId));
    this.started = this.start();
  }

  // Redis may be down at boot: keep trying to learn the starting point rather than fail the server.
  private async start(): Promise<void> {
    while (!this.stopped) {
      try {
        const lastEventId = await this.cursor.startingPoint();
        if (this.stopped) return;
        this.listen(new QueueEvents(this.options.queue, { connection: this.options.connection, prefix: this.options.prefix, lastEventId, autorun: false }));
        return;
      } catch (error) {
        this.options.onError(error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 2000));
      }
    }
  }

  private listen(events: QueueEvents): void {
    this.events = events;
    events.on("error", (error) => this.options.onError(error));
    events.on("active", ({ jobId }, id) => this.timing.noteStarted(jobId, streamEntryMs(id)));
    events.on("completed", ({ jobId }, id) => this.enqueue(jobId, "completed", id));
    events.on("failed", ({ jobId }, id) => this.enqueue(jobId, "failed", id));
    const onChange = this.options.onChange;
    if (onChange) for (const name of DEPTH_EVENTS) events.on(name, () => onChange());
    events.run().catch((error) => this.options.onError(error));
  }

  private enqueue(jobId: string, outcome: JobOutcome, eventId: string): void {
    const seenStart = this.timing.takeStart(jobId);
    this.chain = this.chain.then(async () => {
      try {
        if (!(await this.cursor.claim(eventId))) return;
        const { durationMs, finishedAt } = await this.timing.finished(jobId, streamEntryMs(eventId), seenStart);
        this.options.record(this.options.queue, outcome, durationMs, finishedAt);
      } catch (error) {
        this.options.onError(error);
      }
    });
  }

  /** Stops reading and finishes counting what was read. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.started;
    await this.events?.close();
    await this.chain;
  }
}
