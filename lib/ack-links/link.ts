import type { Notification } from "../generated/prisma/client";
import type { Notice, NoticeEvent } from "../notify/notice";
import { recipientLabel } from "./recipient";
import { signAckToken } from "./token";

export const ACK_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Where links point: short, so one fits an SMS with the alert's summary. */
export const ACK_LINK_PATH = "/a";

// Notices of an alert nobody has acknowledged yet; a reminder or a resolution has nothing to acknowledge.
const ACKNOWLEDGEABLE: readonly NoticeEvent[] = ["alert.created", "alert.escalated", "alert.repeated"];

/**
 * The one-click acknowledge link of one delivery: bound to its alert and recipient, valid for 24 h
 * from the send. Undefined for notices there is nothing to acknowledge in.
 */
export function acknowledgeUrlFor(
  row: Pick<Notification, "alertId" | "channel" | "recipient" | "channelName">,
  notice: Notice,
  sentAt: Date,
  key: () => Buffer,
  appUrl: string,
): string | undefined {
  if (!row.alertId || notice.alert?.status !== "ACTIVE" || !ACKNOWLEDGEABLE.includes(notice.event)) return undefined;
  const token = signAckToken(key(), { alertId: row.alertId, recipient: recipientLabel(row), expiresAt: new Date(sentAt.getTime() + ACK_LINK_TTL_MS) });
  return `${appUrl}${ACK_LINK_PATH}/${token}`;
}
