import { type ConnectionOptions, Queue, Worker } from "bullmq";

/** What a simulated job asks its worker to do: take this long, and fail its first `failAttempts` attempts. */
export interface SimulatedJob {
  durationMs: number;
  failAttempts: number;
}

export interface JobWorkersOptions {
  connection: ConnectionOptions;
  prefix?: string;
  queues: string[];
  concurrency?: number;
  /** Called once per job when it is done for good: completed, or failed with no attempt left. */
  onFinished?: (queue: string, outcome: "completed" | "failed") => void;
  onError?: (error: Error) => void;
}

/** Real BullMQ workers, one per queue, that play the platform's job processors. */
export function startJobWorkers(options: JobWorkersOptions): { close(force?: boolean): Promise<void>; stopQueue(queue: string): Promise<void> } {
  const workers = options.queues.map((queue) => {
    const worker = new Worker<SimulatedJob>(
      queue,
      async (job) => {
        await new Promise((resolve) => setTimeout(resolve, job.data.durationMs));
        if (job.attemptsMade < job.data.failAttempts) throw new Error(`simulated ${queue} failure`);
        return { ok: true };
      },
      { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 5 },
    );
    worker.on("completed", () => options.onFinished?.(queue, "completed"));
    worker.on("failed", (job) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) options.onFinished?.(queue, "failed");
    });
    worker.on("error", (error) => options.onError?.(error));
    return worker;
  });
  return {
    // `force` does not wait for jobs in progress (nor for a worker's blocking read to end).
    close: async (force = false) => void (await Promise.all(workers.map((worker) => worker.close(force)))),
    // The queue's jobs keep arriving but nothing takes them: workers that died.
    stopQueue: async (queue) => void (await workers.find((worker) => worker.name === queue)?.close()),
  };
}

/** Queues to add simulated jobs to, as the platform's producers would. */
export function openQueues(names: string[], connection: ConnectionOptions, prefix?: string): Map<string, Queue<SimulatedJob>> {
  return new Map(names.map((name) => [name, new Queue<SimulatedJob>(name, { connection, prefix })]));
}
