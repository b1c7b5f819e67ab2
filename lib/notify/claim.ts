import type { Db } from "../db/client";
import type { Notification } from "../generated/prisma/client";

/**
 * Takes up to `limit` due PENDING notifications for this instance. The lease (next_attempt_at
 * pushed forward) is written in the claiming statement, and SKIP LOCKED makes concurrent claimers
 * pass over each other's rows, so no row is sent twice while its lease runs. A lease outliving
 * its holder (a crash mid-send) expires and the row is retried: delivery is at least once.
 */
export async function claimDueNotifications(db: Db, now: Date, leaseMs: number, limit: number): Promise<Notification[]> {
  if (limit <= 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "notifications" AS n
    SET "next_attempt_at" = ${leaseUntil}::timestamptz, "updated_at" = CURRENT_TIMESTAMP
    FROM (
      SELECT "id" FROM "notifications"
      WHERE "status" = 'PENDING' AND "next_attempt_at" <= ${now}::timestamptz
      ORDER BY "next_attempt_at"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE n."id" = due."id"
    RETURNING n."id"`;
  if (!claimed.length) return [];
  return db.notification.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: { createdAt: "asc" } });
}

/** When the earliest PENDING notification falls due (a retry, or a lease running out), or null. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ due: Date | null }[]>`SELECT min("next_attempt_at") AS due FROM "notifications" WHERE "status" = 'PENDING'`;
  return row?.due ?? null;
}
