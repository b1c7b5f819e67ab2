import type { Db } from "../db/client";
import type { Notification, NotificationChannel } from "../generated/prisma/client";
import { getLogger, type Logger, outageReporter } from "../logger";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { claimDueNotifications } from "./claim";
import { type DeliverOptions, deliverNotification } from "./deliver";
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS } from "./retry";
import { CHANNELS, channelReadiness, defaultNotifySettings } from "./settings";
import { processSlot } from "../runtime/process-slot";

export const SEND_TIMEOUT_MS = 10_000;
// Longer than a send can take (SEND_TIMEOUT_MS) plus recording its result.
export const DEFAULT_LEASE_MS = 60_000;

export interface DispatcherOptions extends Partial<Omit<DeliverOptions, "db">> {
  pollIntervalMs?: number;
  leaseMs?: number;
  /** Most deliveries in flight at once per instance. */
  maxInFlight?: number;
  logger?: Logger;
}

export interface NotificationDispatcher extends BackgroundService {
  /** Claims the due notifications and resolves once each has been attempted; returns how many. */
  deliverDue(): Promise<number>;
  /** Polls now instead of at the next tick. */
  wake(): void;
}

// One per process, because Next.js bundles route handlers and instrumentation separately.
const wakers = processSlot("dispatcherWakers", () => new Set<() => void>());

/** Asks the running dispatchers of this process to deliver now, e.g. after committing an alert change. */
export function wakeDispatcher(): void {
  for (const wake of wakers.get()) wake();
}

/**
 * Delivers the notifications outbox: polls for due rows, sends each on its own (a slow or failing
 * channel never holds up another, nor the next poll), and records every result.
 */
export function createNotificationDispatcher(db: Db, options: DispatcherOptions = {}): NotificationDispatcher {
  const logger = options.logger ?? getLogger("notify");
  const settings = options.settings ?? defaultNotifySettings();
  const deliver: DeliverOptions = {
    db,
    settings,
    now: options.now ?? (() => new Date()),
    sendTimeoutMs: options.sendTimeoutMs ?? SEND_TIMEOUT_MS,
    retry: options.retry ?? { maxAttempts: settings.notify.maxAttempts, baseDelayMs: DEFAULT_BASE_DELAY_MS, maxDelayMs: DEFAULT_MAX_DELAY_MS },
    secretBox: options.secretBox,
    ackLinkKey: options.ackLinkKey,
  };
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxInFlight = options.maxInFlight ?? 50;
  const inFlight = new Set<Promise<void>>();
  const database = outageReporter(logger, "Database (notification outbox)");
  const channelOutages = Object.fromEntries(CHANNELS.map((channel) => [channel, outageReporter(logger, `${channel} notification channel`)])) as Record<
    NotificationChannel,
    ReturnType<typeof outageReporter>
  >;
  let loop: Loop | undefined;

  const attempt = async (row: Notification) => {
    try {
      const outcome = await deliverNotification(row, deliver);
      database.recovered();
      if (outcome.error) channelOutages[row.channel].failed(new Error(outcome.error));
      else channelOutages[row.channel].recovered();
      if (outcome.status === "FAILED") logger.warn(`Notification ${row.id} (${row.channel}) failed after ${deliver.retry.maxAttempts} attempts`, { error: outcome.error });
    } catch (error) {
      // Recording the result failed; the lease expires and the row is attempted again.
      database.failed(error);
    }
  };

  const startDue = async (): Promise<Promise<void>[]> => {
    const rows = await claimDueNotifications(deliver.db, deliver.now(), leaseMs, maxInFlight - inFlight.size);
    return rows.map((row) => {
      const sending = attempt(row).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      return sending;
    });
  };

  const wake = () => void loop?.trigger();

  return {
    name: "notification dispatcher",
    async start() {
      loop = startLoop({ name: "Notification dispatcher", intervalMs: options.pollIntervalMs ?? 1000, firstRunAfterMs: 0, logger, run: async () => void (await startDue()) });
      wakers.get().add(wake);
      logger.info("Notification dispatcher started");
      for (const channel of CHANNELS) {
        const { enabled, missing } = channelReadiness(channel, settings);
        if (enabled && missing.length) logger.warn(`${channel} alerts are enabled but not configured: set ${missing.join(", ")}`);
      }
    },
    async stop() {
      wakers.get().delete(wake);
      await loop?.stop();
      loop = undefined;
      await Promise.all(inFlight);
    },
    async deliverDue() {
      const sends = await startDue();
      await Promise.all(sends);
      return sends.length;
    },
    wake,
  };
}

