import type { Db } from "../db/client";
import { LEADER_APPLICATION_PREFIX, LEADER_LOCK_KEY } from "./advisory-lease";
import type { Leadership } from "./leadership";

export interface LeaderSource {
  leadership: Leadership;
  /** This instance's name (INSTANCE_NAME). */
  instance: string;
}

const HIGH_BITS = (LEADER_LOCK_KEY >> 32n).toString();
const LOW_BITS = (LEADER_LOCK_KEY & 0xffffffffn).toString();

/**
 * The instance that leads now: this one, or the one whose connection holds the leader lock in
 * this database (named by its application_name); null when none does.
 */
export async function currentLeader(db: Db, { leadership, instance }: LeaderSource): Promise<string | null> {
  if (leadership.isLeader()) return instance;
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT a.application_name AS name
    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
      AND l.classid = ${HIGH_BITS}::oid AND l.objid = ${LOW_BITS}::oid
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  const name = rows[0]?.name;
  return name?.startsWith(LEADER_APPLICATION_PREFIX) ? name.slice(LEADER_APPLICATION_PREFIX.length) : null;
}
