/** Percent of this host in use, from the latest collection. */
import { processSlot } from "../runtime/process-slot";
export interface HostUsage {
  cpu: number;
  memory: number;
  disk: number;
}

/** What the collector learnt most recently on this instance. */
export interface CollectorReadings {
  host: HostUsage | null;
  databaseProbeMs: number | null;
  /** Consecutive collections whose probe failed; the alert rules raise *_UNREACHABLE at 3. */
  failureStreaks: { database: number; redis: number };
}

export function createReadings(): CollectorReadings {
  return { host: null, databaseProbeMs: null, failureStreaks: { database: 0, redis: 0 } };
}

// One per process: the collector (instrumentation bundle) writes what route handlers read.
const readings = processSlot("collectorReadings", createReadings);

export function getCollectorReadings(): CollectorReadings {
  return readings.get();
}
