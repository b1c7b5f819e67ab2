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
  depthIntervalMs?: number;
}

/** Observes the platform's BullMQ queues: job outcomes from their event streams, and their depth. */
export class JobQueueMonitor {
  private readonly client: Redis;
  private readonly observers: QueueObserver[];
  private readonly depthReader: QueueDepthReader;
  private readonly depthLoop: Loop;

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
        }),
    );
    this.depthReader = new QueueDepthReader(options.queues, { connection: this.client, prefix, onError });
    this.depthLoop = startLoop({
      name: "Queue depth reading",
      intervalMs: options.depthIntervalMs ?? 5000,
      firstRunAfterMs: 0,
      logger: options.logger,
      run: () => this.depthReader.refresh(),
    });
  }

  depths(): Record<string, QueueDepth> {
    return this.depthReader.depths();
  }

  async stop(): Promise<void> {
    await this.depthLoop.stop();
    await Promise.all(this.observers.map((observer) => observer.stop()));
    await this.depthReader.close();
    this.client.disconnect();
  }
}
