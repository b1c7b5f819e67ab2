import type { ConfiguredChannel, NotificationChannel } from "../generated/prisma/client";
import type { WebhookFormat } from "../notify/channels/formats";

export const MASKED_SECRET = "••••••••";

/** A channel as the API answers it: URLs by their origin only, a secret only as set or not. */
export interface ChannelJson {
  id: string;
  source: "environment" | "settings";
  name: string;
  kind: NotificationChannel;
  enabled: boolean;
  /** Variables still to set before an environment channel can send; always empty for a row. */
  missing: string[];
  severities: string[];
  types: string[];
  addresses?: string[];
  phones?: string[];
  url?: string;
  secret?: string | null;
  format?: WebhookFormat;
  /** The variable that switches an environment channel on. */
  enableVariable?: string;
}

export function channelRowJson(row: ConfiguredChannel): ChannelJson {
  const common = { id: row.id, source: "settings" as const, name: row.name, kind: row.kind, enabled: row.enabled, missing: [], severities: row.severities, types: row.types };
  switch (row.kind) {
    case "EMAIL":
      return { ...common, addresses: row.addresses };
    case "SMS":
      return { ...common, phones: row.phones };
    case "WEBHOOK":
      return { ...common, url: row.urlLabel ?? undefined, secret: row.secretEncrypted ? MASKED_SECRET : null, format: row.format as WebhookFormat };
  }
}
