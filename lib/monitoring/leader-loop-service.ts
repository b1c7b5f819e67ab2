import type { Logger } from "../logger";
import { startLoop, type Loop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { getLeadership } from "./leadership";

export interface LeaderLoopOptions {
  /** The service's name, as start-up and shutdown name it. */
  name: string;
  /** The loop's name in its failure logs. */
  loopName: string;
  intervalMs: number;
  firstRunAfterMs: number;
  logger: Logger;
  /** One run, on the leader only; a long run asks `keepGoing` between steps (false once stopping or no longer leading). */
  run: (keepGoing: () => boolean) => Promise<void>;
}

/** Periodic work every instance schedules and only the leader does. */
export function leaderLoopService({ name, loopName, intervalMs, firstRunAfterMs, logger, run }: LeaderLoopOptions): BackgroundService {
  let loop: Loop | undefined;
  let stopping = false;
  const keepGoing = () => !stopping && getLeadership().isLeader();
  return {
    name,
    async start() {
      stopping = false;
      loop = startLoop({
        name: loopName,
        intervalMs,
        firstRunAfterMs,
        logger,
        run: async () => {
          if (getLeadership().isLeader()) await run(keepGoing);
        },
      });
    },
    async stop() {
      stopping = true;
      await loop?.stop();
    },
  };
}
