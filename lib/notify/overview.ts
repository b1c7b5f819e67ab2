import type { Db } from "../db/client";
import type { ChannelOverview, NotificationsOverview } from "../shared/notifications";
import { type DeliveryFilter, listDeliveries, maskRecipient } from "./deliveries";
import { CHANNELS, channelReadiness, defaultNotifySettings, ENABLE_VARIABLES, type NotifySettings } from "./settings";

export const RECENT_PER_CHANNEL = 5;

/** Each environment channel's state, without secrets, with its latest deliveries. */
export async function getChannelsOverview(db: Db, settings: NotifySettings = defaultNotifySettings()): Promise<ChannelOverview[]> {
  return Promise.all(
    CHANNELS.map(async (channel) => {
      const { enabled, missing, recipient } = channelReadiness(channel, settings);
      return {
        channel,
        enabled,
        configured: missing.length === 0,
        enableVariable: ENABLE_VARIABLES[channel],
        missing,
        recipient: recipient === undefined ? null : maskRecipient(channel, recipient),
        recentDeliveries: await listDeliveries(db, { channel, channelId: null, limit: RECENT_PER_CHANNEL }),
      };
    }),
  );
}

/** What GET /notifications answers and the settings page first paints with. */
export async function getNotificationsOverview(db: Db, filter: DeliveryFilter = {}): Promise<NotificationsOverview> {
  const [channels, deliveries] = await Promise.all([getChannelsOverview(db), listDeliveries(db, filter)]);
  return { channels, deliveries };
}
