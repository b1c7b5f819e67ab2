import type { Logger } from "../logger";

export interface Loop {
  /** Runs the work now (outside the schedule), e.g. after a burst; overlapping runs are merged. */
  trigger(): Promise<void>;
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

interface LoopOptions {
  name: string;
  intervalMs: number;
  /** Delay before the first run (default: one interval). */
  firstRunAfterMs?: number;
  logger: Logger;
  run: () => Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never overlapping itself. A failing run is logged once per streak
 * of failures and retried at the next tick; it never stops the loop.
 */
export function startLoop({ name, intervalMs, firstRunAfterMs = intervalMs, logger, run }: LoopOptions): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let failing = false;

  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await run();
        if (failing) logger.info(`${name} recovered`);
        failing = false;
      } catch (error) {
        if (!failing) logger.error(`${name} failed; retrying every ${intervalMs} ms`, { error: error instanceof Error ? error.message : String(error) });
        failing = true;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await runOnce();
      schedule(intervalMs);
    }, delay);
    timer.unref();
  };

  schedule(firstRunAfterMs);
  return {
    trigger: () => (stopped ? Promise.resolve() : runOnce()),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
