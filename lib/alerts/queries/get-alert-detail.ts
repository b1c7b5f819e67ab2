import type { Db } from "../../db/client";
import type { AlertEvent, Notification, SystemAlert } from "../../generated/prisma/client";
import { NotFoundError } from "../../http/errors";
import { EVENT_KIND_ORDER } from "../events";

export interface AlertDetail {
  alert: SystemAlert;
  /** Oldest first. */
  timeline: AlertEvent[];
  notifications: Notification[];
}

export async function getAlertDetail(db: Db, id: string): Promise<AlertDetail> {
  const found = await db.systemAlert.findUnique({
    where: { id },
    include: { events: { orderBy: { createdAt: "asc" } }, notifications: { orderBy: [{ createdAt: "asc" }, { channel: "asc" }] } },
  });
  if (!found) throw new NotFoundError(`Alert ${id} does not exist`);
  const { events, notifications, ...alert } = found;
  return { alert, timeline: events.toSorted(byTimeThenKind), notifications };
}

function byTimeThenKind(a: AlertEvent, b: AlertEvent): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || EVENT_KIND_ORDER.indexOf(a.kind) - EVENT_KIND_ORDER.indexOf(b.kind);
}
