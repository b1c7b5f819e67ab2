import type { Logger } from "../logger";

const SHUTDOWN_DEADLINE_MS = 9000;

type Step = { name: string; run: () => Promise<void> };

/**
 * Runs the shutdown steps in order on SIGTERM or SIGINT, then exits. A step that hangs cannot keep
 * the process alive past the deadline (a restart expects it gone within 10 s).
 */
export function exitGracefullyOnSignal(logger: Logger, steps: Step[], exit: (code: number) => void = process.exit): void {
  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal} received, shutting down`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
      exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        logger.error(`Shutdown step ${step.name} failed`, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    clearTimeout(deadline);
    exit(0);
  };
  process.once("SIGTERM", shutDown);
  process.once("SIGINT", shutDown);
}
