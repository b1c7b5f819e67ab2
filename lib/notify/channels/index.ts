import type { NotificationChannel } from "../../generated/prisma/client";
import type { SendChannel } from "./channel";
import { sendEmail } from "./email";
import { sendSms } from "./sms";
import { sendWebhook } from "./webhook";

export const channelSenders: Record<NotificationChannel, SendChannel> = {
  EMAIL: sendEmail,
  SMS: sendSms,
  WEBHOOK: sendWebhook,
};
