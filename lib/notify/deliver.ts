import { getAckLinkKey } from "../ack-links/key";
import { acknowledgeUrlFor } from "../ack-links/link";
import { SYSTEM_ACTOR, recordAlertEvent } from "../alerts/events";
import { getSecretBox, type SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { Notification, NotificationStatus } from "../generated/prisma/client";
import { channelSenders } from "./channels";
import { maskRecipient } from "./deliveries";
import { deliveryTarget } from "./delivery-target";
import type { Notice } from "./notice";
import { type RetryPolicy, retryDelayMs } from "./retry";
import type { NotifySettings } from "./settings";

const MAX_ERROR_CHARS = 1000;

export interface DeliverOptions {
  settings: NotifySettings;
  retry: RetryPolicy;
  sendTimeoutMs: number;
  now: () => Date;
  /** Opens channel rows' stored URLs and secrets; the process's box unless a test passes its own. */
  secretBox?: () => SecretBox;
  /** Signs acknowledge links; the process's key unless a test passes its own. */
  ackLinkKey?: () => Buffer;
}

export interface DeliveryOutcome {
  status: NotificationStatus;
  error?: string;
}

/**
 * Makes one attempt at a notification the caller holds (claimed or just created) and records the
 * result: SENT, a retry after backoff, or FAILED once attempts run out.
 */
export async function deliverNotification(db: Db, row: Notification, options: DeliverOptions): Promise<DeliveryOutcome> {
  const sentAt = options.now();
  try {
    const { settings, format } = await deliveryTarget(db, row, options.settings, options.secretBox ?? getSecretBox);
    const notice = row.payload as unknown as Notice;
    const acknowledgeUrl = acknowledgeUrlFor(row, notice, sentAt, options.ackLinkKey ?? getAckLinkKey, options.settings.appUrl);
    await channelSenders[row.channel]({ id: row.id, notice, recipient: row.recipient, sentAt, format, acknowledgeUrl }, settings, options.sendTimeoutMs);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_CHARS);
    return recordFailure(db, row, message, options);
  }
  await recordSent(db, row, sentAt);
  return { status: "SENT" };
}

// The status guard keeps a late result (after the lease ran out and another instance took over) from overwriting a newer one.
async function recordSent(db: Db, row: Notification, sentAt: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status: "SENT", sentAt, attempts: { increment: 1 }, lastError: null },
    });
    if (!count || !row.alertId) return;
    await tx.systemAlert.update({ where: { id: row.alertId }, data: { lastNotifiedAt: sentAt } });
    await recordAlertEvent(tx, row.alertId, "notified", SYSTEM_ACTOR, sentAt, {
      channel: row.channel,
      recipient: maskRecipient(row.channel, row.recipient),
      ...(row.channelName && { channelName: row.channelName }),
    });
  });
}

async function recordFailure(db: Db, row: Notification, error: string, { retry, now }: DeliverOptions): Promise<DeliveryOutcome> {
  const attempts = row.attempts + 1;
  const status = attempts >= retry.maxAttempts ? "FAILED" : "PENDING";
  const nextAttemptAt = new Date(now().getTime() + (status === "FAILED" ? 0 : retryDelayMs(attempts, retry)));
  await db.notification.updateMany({ where: { id: row.id, status: "PENDING" }, data: { status, attempts, lastError: error, nextAttemptAt } });
  return { status, error };
}
