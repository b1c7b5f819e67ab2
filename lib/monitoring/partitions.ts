import type { Db } from "../db/client";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The tables partitioned by UTC day on recorded_at (migration 0013). */
export const PARTITIONED_TABLES = ["system_metrics", "system_metric_rollups"] as const;

/** Days of partitions the leader keeps created ahead of today. */
export const PARTITION_DAYS_AHEAD = 3;

const DAY_PARTITION = /^(.+)_p(\d{4})(\d{2})(\d{2})$/;

export interface DayPartition {
  table: string;
  name: string;
  /** Start of its UTC day; it holds rows up to one day later. */
  day: Date;
}

/** The UTC midnight starting the day of `at`. */
export function utcDay(at: Date | number): Date {
  const ms = typeof at === "number" ? at : at.getTime();
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS);
}

/**
 * Creates the day partitions of every partitioned table from the day of `from` to
 * PARTITION_DAYS_AHEAD days after `now` (rows of those days waiting in a default partition move
 * into theirs). Returns the partitions it created.
 */
export async function ensureDayPartitions(db: Db, from: Date, now: Date): Promise<string[]> {
  const first = utcDay(from);
  const last = new Date(utcDay(now).getTime() + PARTITION_DAYS_AHEAD * DAY_MS);
  const existing = new Set((await listDayPartitions(db)).map((partition) => partition.name));
  const created: string[] = [];
  for (let day = first.getTime(); day <= last.getTime(); day += DAY_MS) {
    for (const table of PARTITIONED_TABLES) {
      const name = partitionName(table, new Date(day));
      if (existing.has(name)) continue;
      const [{ made }] = await db.$queryRaw<Array<{ made: boolean }>>`
        SELECT khaacho_ensure_day_partition(${table}, ${new Date(day).toISOString().slice(0, 10)}::date) AS made`;
      if (made) created.push(name);
    }
  }
  return created;
}

export function partitionName(table: string, day: Date): string {
  return `${table}_p${day.toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** Every day partition of the partitioned tables, oldest first. */
export async function listDayPartitions(db: Db): Promise<DayPartition[]> {
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT child.relname AS name
    FROM pg_inherits
    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
    JOIN pg_namespace ns ON ns.oid = parent.relnamespace
    WHERE ns.nspname = current_schema() AND parent.relname = ANY(${[...PARTITIONED_TABLES]}::text[])`;
  return rows
    .flatMap(({ name }) => {
      const match = DAY_PARTITION.exec(name);
      return match ? [{ table: match[1], name, day: new Date(Date.UTC(Number(match[2]), Number(match[3]) - 1, Number(match[4]))) }] : [];
    })
    .sort((a, b) => a.day.getTime() - b.day.getTime() || a.name.localeCompare(b.name));
}

/** Drops the partitions whose whole day ended at or before `cutoff`; returns their names. */
export async function dropPartitionsBefore(db: Db, cutoff: Date): Promise<string[]> {
  const expired = (await listDayPartitions(db)).filter((partition) => partition.day.getTime() + DAY_MS <= cutoff.getTime());
  // Names come from the catalogue and match DAY_PARTITION, so quoting them is enough.
  for (const partition of expired) await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partition.name}"`);
  return expired.map((partition) => partition.name);
}
