import { type Db, getDb } from "../db/client";
import type { NotificationChannel } from "../generated/prisma/client";
import type { VariableName } from "../config/definitions";
import { type DeliveryView, listDeliveries, maskRecipient } from "./deliveries";
import { CHANNELS, channelReadiness, defaultNotifySettings, ENABLE_VARIABLES, type NotifySettings } from "./settings";

export interface ChannelOverview {
  channel: NotificationChannel;
  enabled: boolean;
  configured: boolean;
  enableVariable: VariableName;
  /** Variables to set before the channel can send. */
  missing: VariableName[];
  recipient: string | null;
  recentDeliveries: DeliveryView[];
}

export const RECENT_PER_CHANNEL = 5;

/** Each environment channel's state, without secrets, with its latest deliveries. */
export async function getChannelsOverview(db: Db = getDb(), settings: NotifySettings = defaultNotifySettings()): Promise<ChannelOverview[]> {
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
