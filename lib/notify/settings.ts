import { type Config, getConfig } from "../config";
import type { VariableName } from "../config/definitions";
import type { NotificationChannel } from "../generated/prisma/client";

/** The part of the configuration that notifications read; tests pass their own. */
export type NotifySettings = Pick<Config, "appUrl" | "notify">;

export const CHANNELS = ["EMAIL", "SMS", "WEBHOOK"] as const satisfies readonly NotificationChannel[];

/** The variable that switches each channel on. */
export const ENABLE_VARIABLES: Record<NotificationChannel, VariableName> = {
  EMAIL: "MONITORING_ENABLE_EMAIL_ALERTS",
  SMS: "MONITORING_ENABLE_SMS_ALERTS",
  WEBHOOK: "MONITORING_ENABLE_WEBHOOK_ALERTS",
};

export interface ChannelReadiness {
  channel: NotificationChannel;
  enabled: boolean;
  /** Variables still to set before the channel can send; empty when configured. */
  missing: VariableName[];
  /** Where a delivery goes, as recorded in notifications.recipient; undefined until configured. */
  recipient: string | undefined;
}

export function defaultNotifySettings(): NotifySettings {
  return getConfig();
}

export function channelReadiness(channel: NotificationChannel, { notify }: NotifySettings): ChannelReadiness {
  switch (channel) {
    case "EMAIL":
      return readiness(channel, notify.email.enabled, { SMTP_URL: notify.email.smtpUrl }, notify.email.to.join(", "));
    case "SMS":
      return readiness(
        channel,
        notify.sms.enabled,
        { ALERT_SMS_PHONE: notify.sms.to, SMS_FROM: notify.sms.from, SMS_ACCOUNT_SID: notify.sms.accountSid, SMS_AUTH_TOKEN: notify.sms.authToken },
        notify.sms.to,
      );
    case "WEBHOOK":
      return readiness(channel, notify.webhook.enabled, { MONITORING_ALERT_WEBHOOK_URL: notify.webhook.url }, notify.webhook.url && webhookLabel(notify.webhook.url));
  }
}

export function isReady(readiness: ChannelReadiness): readiness is ChannelReadiness & { recipient: string } {
  return readiness.enabled && readiness.missing.length === 0 && readiness.recipient !== undefined;
}

function readiness(channel: NotificationChannel, enabled: boolean, required: Partial<Record<VariableName, string | undefined>>, recipient: string | undefined): ChannelReadiness {
  const missing = Object.entries(required).filter(([, value]) => !value).map(([name]) => name as VariableName);
  return { channel, enabled, missing, recipient: missing.length ? undefined : recipient };
}

// Webhook URLs often carry their credential in the path (Slack's do), so the delivery log keeps
// only the origin; the dispatcher posts to the configured URL.
function webhookLabel(url: string): string {
  return `${new URL(url).origin}/…`;
}
