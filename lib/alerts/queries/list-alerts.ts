import type { Db } from "../../db/client";
import type { Prisma, SystemAlert } from "../../generated/prisma/client";
import { decodeCursor, encodeCursor } from "../../http/page-cursor";
import { DEFAULT_PAGE_SIZE } from "../../http/query-fields";
import type { AlertListQuery } from "../schemas";

export type AlertFilters = Partial<AlertListQuery>;

export interface AlertPage {
  alerts: SystemAlert[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Alerts newest first, filtered, one keyset page at a time (stable while new alerts arrive). */
export async function listAlerts(db: Db, { status, type, severity, subject, from, to, cursor, limit = DEFAULT_PAGE_SIZE }: AlertFilters = {}): Promise<AlertPage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const where: Prisma.SystemAlertWhereInput = {
    ...(status && { status: { in: status } }),
    ...(type && { type: { in: type } }),
    ...(severity && { severity: { in: severity } }),
    ...(subject && { subject }),
    createdAt: { ...(from && { gte: from }), ...(to && { lt: to }) },
    ...(after && { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }),
  };
  const rows = await db.systemAlert.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const alerts = rows.slice(0, limit);
  const last = alerts.at(-1);
  return { alerts, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
