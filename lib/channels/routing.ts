import type { ConfiguredChannel } from "../generated/prisma/client";

/** What routing looks at: the alert's severity and rule type. */
export interface RoutedAlert {
  type: string;
  severity: string;
}

/** Whether a channel takes an alert: enabled, and its severity and type are listed (an empty list takes all). */
export function channelTakes(channel: Pick<ConfiguredChannel, "enabled" | "severities" | "types">, alert: RoutedAlert): boolean {
  const listed = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  return channel.enabled && listed(channel.severities, alert.severity) && listed(channel.types, alert.type);
}

/** Where one delivery goes for a channel row: one per phone for SMS (a gateway takes one number), one otherwise. */
export function rowRecipients(channel: Pick<ConfiguredChannel, "kind" | "addresses" | "phones" | "urlLabel">): string[] {
  switch (channel.kind) {
    case "EMAIL":
      return [channel.addresses.join(", ")];
    case "SMS":
      return channel.phones;
    case "WEBHOOK":
      return channel.urlLabel ? [channel.urlLabel] : [];
  }
}
