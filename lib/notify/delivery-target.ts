import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { Notification } from "../generated/prisma/client";
import type { WebhookFormat } from "./channels/formats";
import type { NotifySettings } from "./settings";

export interface DeliveryTarget {
  settings: NotifySettings;
  format?: WebhookFormat;
}

/**
 * What a delivery is sent with: the environment's settings, or for a channel row the same settings
 * with its webhook URL, secret and format (email and SMS rows carry their recipients and use the
 * configured SMTP server and gateway). Throws when the row is gone or its secrets cannot be opened.
 */
export async function deliveryTarget(db: Db, row: Pick<Notification, "channelId" | "channelName">, settings: NotifySettings, box: () => SecretBox): Promise<DeliveryTarget> {
  if (!row.channelId) {
    if (row.channelName) throw new Error(`The channel ${row.channelName} was deleted`);
    return { settings };
  }
  const channel = await db.configuredChannel.findUnique({ where: { id: row.channelId } });
  if (!channel) throw new Error(`The channel ${row.channelName ?? row.channelId} was deleted`);
  if (channel.kind !== "WEBHOOK" || !channel.urlEncrypted) return { settings };
  let url: string;
  let secret: string | undefined;
  try {
    url = box().open(channel.urlEncrypted);
    secret = channel.secretEncrypted ? box().open(channel.secretEncrypted) : undefined;
  } catch {
    throw new Error(`The channel ${channel.name}'s URL or secret cannot be decrypted: MONITORING_ENCRYPTION_KEY differs from the key that stored it`);
  }
  return { settings: { ...settings, notify: { ...settings.notify, webhook: { enabled: true, url, secret } } }, format: channel.format as WebhookFormat };
}
