import type { Db } from "../db/client";
import type { NotificationChannel } from "../generated/prisma/client";
import { BadRequestError } from "../http/errors";
import { type DeliverOptions, type DeliveryOutcome, deliverNotification } from "./deliver";
import { DEFAULT_LEASE_MS, SEND_TIMEOUT_MS } from "./dispatcher";
import { noticePayload, renderTestNotice } from "./notice";
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS } from "./retry";
import { channelReadiness, defaultNotifySettings, ENABLE_VARIABLES, isReady } from "./settings";

export type TestNotificationResult = { id: string } & DeliveryOutcome;

export type TestOptions = Partial<Omit<DeliverOptions, "retry">>;

/** Where a test goes: an environment channel (no channelId) or a channel row. */
export interface TestTarget {
  channel: NotificationChannel;
  recipient: string;
  channelId?: string;
  channelName?: string;
}

/** Sends a test message on one of the environment's channels now. */
export async function sendTestNotification(db: Db, channel: NotificationChannel, options: TestOptions = {}): Promise<TestNotificationResult> {
  const settings = options.settings ?? defaultNotifySettings();
  const readiness = channelReadiness(channel, settings);
  if (!readiness.enabled) throw new BadRequestError(`The ${channel} channel is disabled: set ${ENABLE_VARIABLES[channel]}=true`, "channel_disabled");
  if (!isReady(readiness)) throw new BadRequestError(`The ${channel} channel is not configured: set ${readiness.missing.join(", ")}`, "channel_not_configured");
  return sendTestTo(db, { channel, recipient: readiness.recipient }, { ...options, settings });
}

/**
 * Sends a test message to one target now, through the same code and delivery log as alerts.
 * One attempt only: an operator testing a channel wants the answer, not a retry later.
 */
export async function sendTestTo(db: Db, target: TestTarget, options: TestOptions = {}): Promise<TestNotificationResult> {
  const now = options.now ?? (() => new Date());
  // Created already leased, so a dispatcher polling meanwhile leaves it to this call.
  const row = await db.notification.create({
    data: { ...target, reason: "test", payload: noticePayload(renderTestNotice(target.channelName ?? target.channel)), nextAttemptAt: new Date(now().getTime() + DEFAULT_LEASE_MS) },
  });
  const outcome = await deliverNotification(db, row, {
    ...options,
    settings: options.settings ?? defaultNotifySettings(),
    now,
    sendTimeoutMs: options.sendTimeoutMs ?? SEND_TIMEOUT_MS,
    retry: { maxAttempts: 1, baseDelayMs: DEFAULT_BASE_DELAY_MS, maxDelayMs: DEFAULT_MAX_DELAY_MS },
  });
  return { id: row.id, ...outcome };
}
