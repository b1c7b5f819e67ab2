import type { Db } from "../../db/client";
import { loadLiveSilences } from "./load-policy";
import type { PolicySilence } from "./policy";

export interface SilenceCache {
  /** Reads the live silences; while PostgreSQL is down the last copy read stays. */
  refresh(now?: Date): Promise<void>;
  current(): readonly PolicySilence[];
}

/**
 * The silences in memory, for the one notice sent while PostgreSQL is down (its own outage): the
 * copy read while it was up is the best there is.
 */
export function createSilenceCache(db: () => Db): SilenceCache {
  let silences: readonly PolicySilence[] = [];
  return {
    async refresh(now = new Date()) {
      try {
        silences = await loadLiveSilences(db(), now);
      } catch {
        // The database is down: its outage is reported by the collector and the evaluator.
      }
    },
    current: () => silences,
  };
}
