import type { Db } from "../db/client";
import type { AuditLog, Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "../http/page-cursor";
import { DEFAULT_PAGE_SIZE } from "../http/query-fields";
import type { AuditListQuery } from "./schemas";

export type AuditFilters = Partial<AuditListQuery>;

export interface AuditPage {
  entries: AuditLog[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Audit entries newest first, filtered, one keyset page at a time (stable while new rows arrive). */
export async function listAuditEntries(db: Db, { actor, action, from, to, cursor, limit = DEFAULT_PAGE_SIZE }: AuditFilters = {}): Promise<AuditPage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const where: Prisma.AuditLogWhereInput = {
    ...(actor && { actor }),
    ...(action && { action: action.includes(".") ? action : { startsWith: `${action}.` } }),
    at: { ...(from && { gte: from }), ...(to && { lt: to }) },
    ...(after && { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
