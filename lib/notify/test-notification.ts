import { getDb } from "../db/client";
import type { NotificationChannel } from "../generated/prisma/client";
import { BadRequestError } from "../http/errors";
import { type DeliverOptions, type DeliveryOutcome, deliverNotification } from "./deliver";
import { DEFAULT_LEASE_MS, SEND_TIMEOUT_MS } from "./dispatcher";
import { noticePayload, renderTestNotice } from "./notice";
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS } from "./retry";
import { channelReadiness, defaultNotifySettings, ENABLE_VARIABLES, isReady } from "./settings";

export type TestNotificationResult = { id: string } & DeliveryOutcome;

/**
 * Sends a test message on one channel now, through the same code and delivery log as alerts.
 * One attempt only: an operator testing a channel wants the answer, not a retry later.
 */
export async function sendTestNotification(channel: NotificationChannel, options: Partial<Omit<DeliverOptions, "retry">> = {}): Promise<TestNotificationResult> {
  const settings = options.settings ?? defaultNotifySettings();
  const readiness = channelReadiness(channel, settings);
  if (!readiness.enabled) throw new BadRequestError(`The ${channel} channel is disabled: set ${ENABLE_VARIABLES[channel]}=true`, "channel_disabled");
  if (!isReady(readiness)) throw new BadRequestError(`The ${channel} channel is not configured: set ${readiness.missing.join(", ")}`, "channel_not_configured");

  const db = options.db ?? getDb();
  const now = options.now ?? (() => new Date());
  // Created already leased, so a dispatcher polling meanwhile leaves it to this call.
  const row = await db.notification.create({
    data: { channel, recipient: readiness.recipient, reason: "test", payload: noticePayload(renderTestNotice(channel)), nextAttemptAt: new Date(now().getTime() + DEFAULT_LEASE_MS) },
  });
  const outcome = await deliverNotification(row, {
    db,
    settings,
    now,
    sendTimeoutMs: options.sendTimeoutMs ?? SEND_TIMEOUT_MS,
    retry: { maxAttempts: 1, baseDelayMs: DEFAULT_BASE_DELAY_MS, maxDelayMs: DEFAULT_MAX_DELAY_MS },
  });
  return { id: row.id, ...outcome };
}
