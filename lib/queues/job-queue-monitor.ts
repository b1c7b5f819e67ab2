import { Redis } from "ioredis";
import type { Logger } from "../logger";
import { outageReporter } from "../logger";
import type { QueueDepth } from "../monitoring/queue-depth";
import { type Loop, startLoop } from "../runtime/loop";
import { bullConnection } from "./connection";
import { QueueDepthReader } from "./queue-depths";
import { QueueObserver, type RecordJob } from "./queue-observer";

export interface JobQueueMonitorOptions {
  redisUrl: string;
  queues: string[];
  record: RecordJob;
  logger: Logger;
  /** BullMQ key prefix of the platform's queues (default "bull"). */
  prefix?: string;
  /** Prefix of this product's own keys (default "khaacho:queues:"). */
  keyPrefix?: string;
  /** The safety re-read of the depths; events on the queues' streams trigger a read sooner. */
  depthIntervalMs?: number;
}

const DEPTH_SAFETY_MS = 30_000;
// Events come in bursts: one read after the burst settles rather than one per job.
const DEPTH_SETTLE_MS = 250;

/** Observes the platform's BullMQ queues: job outcomes from their event streams, and their depth. */
export class JobQueueMonitor {
  private readonly client: Redis;
  private readonly observers: QueueObserver[];
  private readonly depthReader: QueueDepthReader;
  private readonly depthLoop: Loop;
  private settleTimer: NodeJS.Timeout | undefined;
  private changed = false;
  private stopped = false;

  constructor(options: JobQueueMonitorOptions) {
    const prefix = options.prefix ?? "bull";
    const outage = outageReporter(options.logger, "Redis (job queues)");
    const onError = (error: unknown) => outage.failed(error);
    this.client = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.client.on("error", onError);
    this.client.on("ready", () => outage.recovered());
    this.observers = options.queues.map(
      (queue) =>
        new QueueObserver({
          queue,
          prefix,
          keyPrefix: options.keyPrefix ?? "khaacho:queues:",
          connection: bullConnection(options.redisUrl),
          client: this.client,
          record: options.record,
          onError,
          onChange: () => this.readDepthsSoon(),
        }),
    );
    this.depthReader = new QueueDepthReader(options.queues, { connection: this.client, prefix, onError });
    this.depthLoop = startLoop({
      name: "Queue depth reading",
      intervalMs: options.depthIntervalMs ?? DEPTH_SAFETY_MS,
      firstRunAfterMs: 0,
      logger: options.logger,
      run: () => {
        this.changed = false;
        return this.depthReader.refresh();
      },
    });
  }

  // A change seen while a read runs may have missed it: `changed` asks for another read after.
  private readDepthsSoon(): void {
    this.changed = true;
    if (this.settleTimer || this.stopped) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      void this.depthLoop.trigger().then(() => {
        if (this.changed) this.readDepthsSoon();
      });
    }, DEPTH_SETTLE_MS);
    this.settleTimer.unref();
  }

  depths(): Record<string, QueueDepth> {
    return this.depthReader.depths();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.settleTimer);
    await this.depthLoop.stop();
    await Promise.all(this.observers.map((observer) => observer.stop()));
    await this.depthReader.close();
    this.client.disconnect();
  }
}
