import { channelTakes, rowRecipients } from "../channels/routing";
import type { Prisma, SystemAlert } from "../generated/prisma/client";
import { type AlertReason, noticePayload, renderAlertNotice } from "./notice";
import { decideNotification } from "./policy/chain";
import { holdNotice } from "./policy/hold";
import { loadNotifyPolicy } from "./policy/load-policy";
import { CHANNELS, channelReadiness, defaultNotifySettings, isReady, type NotifySettings } from "./settings";

/**
 * Decides whether the alert's notice goes out now (the chain of notify steps: silences, windows,
 * inhibition) and queues one PENDING notification per enabled and configured channel of the
 * environment and per channel row that takes the alert's severity and type, inside the
 * caller's transaction, so an alert change and its notifications commit together (the outbox). A
 * held-back notice lands on the timeline instead. The dispatcher delivers; call wakeDispatcher()
 * after commit to send at once. Returns the number of notifications queued.
 */
export async function enqueueAlertNotifications(
  tx: Prisma.TransactionClient,
  alert: SystemAlert,
  reason: AlertReason,
  settings: NotifySettings = defaultNotifySettings(),
  now = new Date(),
): Promise<number> {
  if (reason === "resolved" && !settings.notify.onResolve) return 0;
  const decision = decideNotification(alert, await loadNotifyPolicy(tx, now), now);
  if (!decision.send) {
    await holdNotice(tx, alert, reason, decision.reason, now);
    return 0;
  }
  const payload = noticePayload(renderAlertNotice(alert, reason, settings.appUrl));
  const fromEnvironment = CHANNELS.map((channel) => channelReadiness(channel, settings))
    .filter(isReady)
    .map(({ channel, recipient }) => ({ alertId: alert.id, channel, recipient, reason, payload }));
  const channelRows = (await tx.configuredChannel.findMany({ where: { enabled: true }, orderBy: { name: "asc" } })).filter((channel) => channelTakes(channel, alert));
  const fromSettings = channelRows.flatMap((channel) =>
    rowRecipients(channel).map((recipient) => ({ alertId: alert.id, channel: channel.kind, recipient, reason, payload, channelId: channel.id, channelName: channel.name })),
  );
  const rows = [...fromEnvironment, ...fromSettings];
  if (reason !== "resolved") await tx.systemAlert.updateMany({ where: { id: alert.id }, data: { lastPagedAt: now } });
  if (!rows.length) return 0;
  const { count } = await tx.notification.createMany({ data: rows });
  return count;
}
