import type { Prisma, SystemAlert } from "../generated/prisma/client";
import { type AlertReason, noticePayload, renderAlertNotice } from "./notice";
import { CHANNELS, channelReadiness, defaultNotifySettings, isReady, type NotifySettings } from "./settings";

/**
 * Queues one PENDING notification per enabled and configured channel, inside the caller's
 * transaction, so an alert change and its notifications commit together (the outbox). The
 * dispatcher delivers them; call wakeDispatcher() after commit to send at once.
 * Returns the number of notifications queued.
 */
export async function enqueueAlertNotifications(
  tx: Prisma.TransactionClient,
  alert: SystemAlert,
  reason: AlertReason,
  settings: NotifySettings = defaultNotifySettings(),
): Promise<number> {
  if (reason === "resolved" && !settings.notify.onResolve) return 0;
  const payload = noticePayload(renderAlertNotice(alert, reason, settings.appUrl));
  const rows = CHANNELS.map((channel) => channelReadiness(channel, settings))
    .filter(isReady)
    .map(({ channel, recipient }) => ({ alertId: alert.id, channel, recipient, reason, payload }));
  if (!rows.length) return 0;
  const { count } = await tx.notification.createMany({ data: rows });
  return count;
}
