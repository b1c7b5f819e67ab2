import type { Db } from "../db/client";
import { listDeliveries } from "../notify/deliveries";
import type { DeliveryView } from "../shared/notifications";
import { RECENT_PER_CHANNEL } from "../notify/overview";
import type { NotifySettings } from "../notify/settings";
import { type ChannelJson, channelRowJson } from "./channel-json";
import { environmentChannels } from "./environment";

export type ChannelListItem = ChannelJson & { recentDeliveries: DeliveryView[] };

/** The environment's channels first, then the rows by name, each with its latest deliveries. */
export async function listChannels(db: Db, settings: NotifySettings): Promise<ChannelListItem[]> {
  const rows = await db.configuredChannel.findMany({ orderBy: { name: "asc" } });
  const channels = [...environmentChannels(settings), ...rows.map(channelRowJson)];
  return Promise.all(
    channels.map(async (channel) => ({
      ...channel,
      recentDeliveries: await listDeliveries(db, { channel: channel.kind, channelId: channel.source === "environment" ? null : channel.id, limit: RECENT_PER_CHANNEL }),
    })),
  );
}
