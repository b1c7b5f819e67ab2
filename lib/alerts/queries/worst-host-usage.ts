import { getDb } from "../../db/client";
import type { HostReading } from "../rules";

/** The window of the CPU and memory averages, and how old the latest disk sample may be. */
export const HOST_USAGE_WINDOW_MS = 5 * 60_000;

export interface HostUsageRow {
  name: "cpu" | "memory" | "disk";
  instance: string;
  average: number;
  latest: number;
}

export interface WorstHostUsage {
  cpu: HostReading | null;
  memory: HostReading | null;
  disk: HostReading | null;
}

/**
 * The worst instance for each host rule over the window ending at `now`: highest CPU and memory
 * average, highest latest disk sample. Instances that stopped reporting drop out with the window.
 */
export async function getWorstHostUsage(now: Date, windowMs = HOST_USAGE_WINDOW_MS): Promise<WorstHostUsage> {
  const since = new Date(now.getTime() - windowMs);
  const rows = await getDb().$queryRaw<HostUsageRow[]>`
    SELECT metric_name AS name,
           instance,
           avg(value) AS average,
           (array_agg(value ORDER BY recorded_at DESC))[1] AS latest
    FROM system_metrics
    WHERE metric_type = 'system'
      AND metric_name IN ('cpu', 'memory', 'disk')
      AND recorded_at > ${since} AND recorded_at <= ${now}
    GROUP BY metric_name, instance`;
  return {
    cpu: worst(rows, "cpu", "average"),
    memory: worst(rows, "memory", "average"),
    disk: worst(rows, "disk", "latest"),
  };
}

function worst(rows: HostUsageRow[], name: HostUsageRow["name"], field: "average" | "latest"): HostReading | null {
  return rows
    .filter((row) => row.name === name)
    .reduce<HostReading | null>((top, row) => (top && top.value >= row[field] ? top : { value: row[field], instance: row.instance }), null);
}
