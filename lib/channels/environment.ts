import { CHANNELS, channelReadiness, ENABLE_VARIABLES, type NotifySettings } from "../notify/settings";
import { type ChannelJson, MASKED_SECRET } from "./channel-json";
import { ENVIRONMENT_CHANNEL_IDS } from "./schemas";

const NAMES = { EMAIL: "Email (environment)", SMS: "SMS (environment)", WEBHOOK: "Webhook (environment)" } as const;

/** The three channels the environment configures, read-only, taking every severity and type. */
export function environmentChannels(settings: NotifySettings): ChannelJson[] {
  const { notify } = settings;
  return CHANNELS.map((kind) => {
    const { enabled, missing, recipient } = channelReadiness(kind, settings);
    const common = { id: ENVIRONMENT_CHANNEL_IDS[kind], source: "environment" as const, name: NAMES[kind], kind, enabled, missing, severities: [], types: [], enableVariable: ENABLE_VARIABLES[kind] };
    switch (kind) {
      case "EMAIL":
        return { ...common, addresses: notify.email.to };
      case "SMS":
        return { ...common, phones: notify.sms.to ? [notify.sms.to] : [] };
      case "WEBHOOK":
        return { ...common, url: recipient, secret: notify.webhook.secret ? MASKED_SECRET : null, format: "generic" };
    }
  });
}

export function environmentKind(id: string): (typeof CHANNELS)[number] | undefined {
  return CHANNELS.find((kind) => ENVIRONMENT_CHANNEL_IDS[kind] === id);
}
