import type { Redis } from "ioredis";

// Jobs seen becoming active whose end has not been seen yet; beyond this the oldest are forgotten.
const MAX_TRACKED_JOBS = 10_000;

/**
 * How long a finished job ran. BullMQ stores processedOn and finishedOn on the job, but a job
 * removed on completion has no record left; then the time between its 'active' and finishing
 * events in the stream stands in. A job whose start was never seen counts with duration 0.
 */
export class JobTiming {
  private readonly startedAt = new Map<string, number>();

  constructor(
    private readonly client: Redis,
    private readonly jobKey: (jobId: string) => string,
  ) {}

  noteStarted(jobId: string, atMs: number): void {
    this.startedAt.delete(jobId);
    this.startedAt.set(jobId, atMs);
    if (this.startedAt.size > MAX_TRACKED_JOBS) this.startedAt.delete(this.startedAt.keys().next().value!);
  }

  /** Forgets the job's start; call for every finished job, counted here or not. */
  takeStart(jobId: string): number | undefined {
    const at = this.startedAt.get(jobId);
    this.startedAt.delete(jobId);
    return at;
  }

  async finished(jobId: string, eventMs: number, seenStart: number | undefined): Promise<{ durationMs: number; finishedAt: number }> {
    const [processedOn, finishedOn] = (await this.client.hmget(this.jobKey(jobId), "processedOn", "finishedOn")).map((v) => (v ? Number(v) : undefined));
    const finishedAt = finishedOn ?? eventMs;
    const startedAt = processedOn ?? seenStart;
    return { durationMs: startedAt === undefined ? 0 : Math.max(0, finishedAt - startedAt), finishedAt };
  }
}
