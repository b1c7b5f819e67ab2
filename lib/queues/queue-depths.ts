import { type ConnectionOptions, Queue } from "bullmq";
import type { QueueDepth } from "../monitoring/queue-depth";
import { withTimeout } from "../timeout";

const READ_TIMEOUT_MS = 2000;

/** Reads how many jobs wait, run, are delayed and have failed in each queue (Queue.getJobCounts). */
export class QueueDepthReader {
  private readonly queues: Queue[];
  private latest: Record<string, QueueDepth> = {};

  constructor(names: string[], { connection, prefix, onError }: { connection: ConnectionOptions; prefix: string; onError: (error: unknown) => void }) {
    this.queues = names.map((name) => new Queue(name, { connection, prefix, skipMetasUpdate: true }).on("error", onError));
  }

  /** Refreshes every queue's depth; a queue that cannot be read drops out until it can. */
  async refresh(): Promise<void> {
    const read = await Promise.allSettled(this.queues.map((queue) => withTimeout(this.depthOf(queue), READ_TIMEOUT_MS, "Redis")));
    const next: Record<string, QueueDepth> = {};
    read.forEach((result, index) => {
      if (result.status === "fulfilled") next[this.queues[index].name] = result.value;
    });
    this.latest = next;
    const failure = read.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  }

  depths(): Record<string, QueueDepth> {
    return this.latest;
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }

  private async depthOf(queue: Queue): Promise<QueueDepth> {
    const [counts, [oldest]] = await Promise.all([queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed"), queue.getJobs(["wait"], 0, 0, true)]);
    // The oldest job of the wait list; prioritized jobs are ordered by priority, not age, so are not looked at.
    return { waiting: counts.waiting + counts.prioritized, active: counts.active, delayed: counts.delayed, failed: counts.failed, oldestWaitingAt: oldest?.timestamp ?? null };
  }
}
