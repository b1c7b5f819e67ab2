import type { Db } from "../db/client";
import type { Notification, NotificationChannel, NotificationStatus, SystemAlert } from "../generated/prisma/client";
import type { DeliveryView } from "../shared/notifications";

export interface DeliveryFilter {
  channel?: NotificationChannel;
  /** One channel row's deliveries; null for the environment's channels only. */
  channelId?: string | null;
  status?: NotificationStatus;
  limit?: number;
}

const ALERT_FIELDS = { select: { title: true, type: true, severity: true, isTest: true } } as const;

export async function listDeliveries(db: Db, { channel, channelId, status, limit = 50 }: DeliveryFilter = {}): Promise<DeliveryView[]> {
  const rows = await db.notification.findMany({
    where: { channel, status, ...(channelId !== undefined && { channelId, ...(channelId === null && { channelName: null }) }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { alert: ALERT_FIELDS },
  });
  return rows.map(toDeliveryView);
}

function toDeliveryView(row: Notification & { alert: Pick<SystemAlert, "title" | "type" | "severity" | "isTest"> | null }): DeliveryView {
  return {
    id: row.id,
    alertId: row.alertId,
    alert: row.alert,
    channel: row.channel,
    channelName: row.channelName,
    recipient: maskRecipient(row.channel, row.recipient),
    reason: row.reason,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Phone numbers are shown with their middle hidden; email addresses and the webhook's origin as they are. */
export function maskRecipient(channel: NotificationChannel, recipient: string): string {
  if (channel !== "SMS" || recipient.length < 8) return recipient;
  return `${recipient.slice(0, 4)}${"•".repeat(recipient.length - 7)}${recipient.slice(-3)}`;
}
