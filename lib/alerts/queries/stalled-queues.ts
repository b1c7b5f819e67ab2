import type { Db } from "../../db/client";

/** Queues with an open QUEUE_STALLED alert that has not cleared, for the overview's queue table. */
export async function stalledQueues(db: Db): Promise<string[]> {
  const rows = await db.systemAlert.findMany({
    where: { type: "QUEUE_STALLED", status: { not: "RESOLVED" }, clearedAt: null, subject: { not: null } },
    select: { subject: true },
  });
  return rows.map((row) => row.subject!).sort();
}
