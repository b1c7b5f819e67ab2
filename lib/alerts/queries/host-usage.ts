import type { Db } from "../../db/client";
import type { HostReading } from "../evaluate-rules";

/** The window of the CPU and memory averages, and how old the latest disk sample may be. */
export const HOST_USAGE_WINDOW_MS = 5 * 60_000;

export interface HostUsageRow {
  name: "cpu" | "memory" | "disk";
  instance: string;
  average: number;
  latest: number;
}

export interface HostUsage {
  cpu: HostReading[];
  memory: HostReading[];
  disk: HostReading[];
}

/**
 * Each instance's reading for the host rules over the window ending at `now`: CPU and memory
 * average, latest disk sample. Instances that stopped reporting drop out with the window.
 */
export async function getHostUsage(db: Db, now: Date, windowMs = HOST_USAGE_WINDOW_MS): Promise<HostUsage> {
  const since = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<HostUsageRow[]>`
    SELECT metric_name AS name,
           instance,
           avg(value) AS average,
           (array_agg(value ORDER BY recorded_at DESC))[1] AS latest
    FROM system_metrics
    WHERE metric_type = 'system'
      AND metric_name IN ('cpu', 'memory', 'disk')
      AND recorded_at > ${since} AND recorded_at <= ${now}
    GROUP BY metric_name, instance
    ORDER BY instance`;
  return { cpu: readings(rows, "cpu", "average"), memory: readings(rows, "memory", "average"), disk: readings(rows, "disk", "latest") };
}

function readings(rows: HostUsageRow[], name: HostUsageRow["name"], field: "average" | "latest"): HostReading[] {
  return rows.filter((row) => row.name === name).map((row) => ({ value: row[field], instance: row.instance }));
}
