import type { Db } from "../db/client";
import { getTracker } from "./tracker";

/** The PostgreSQL NOTIFY channel on which followers tell the leader of a burst. */
export const BURST_CHANNEL = "khaacho_bursts";

/**
 * A follower that records a burst cannot evaluate it: it shares its figures at once and tells the
 * leader (which listens on its lock connection), so the alert comes within seconds wherever the
 * traffic landed.
 */
export async function relayBurstToLeader(db: Db): Promise<void> {
  await getTracker().flush();
  await db.$executeRaw`SELECT pg_notify(${BURST_CHANNEL}, '')`;
}
