import { type ChannelListener, listenOnChannel } from "../db/channel-listener";
import type { Db } from "../db/client";
import type { Notification, NotificationChannel } from "../generated/prisma/client";
import { getLogger, type Logger, outageReporter } from "../logger";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { claimDueNotifications, nextDueAt } from "./claim";
import { type DeliverOptions, deliverNotification } from "./deliver";
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS } from "./retry";
import { CHANNELS, channelReadiness, defaultNotifySettings } from "./settings";
import { processSlot } from "../runtime/process-slot";

export const SEND_TIMEOUT_MS = 10_000;
// Longer than a send can take (SEND_TIMEOUT_MS) plus recording its result.
export const DEFAULT_LEASE_MS = 60_000;
/** The NOTIFY channel a trigger on `notifications` signals when deliveries are queued. */
export const OUTBOX_CHANNEL = "khaacho_notifications";
// Queued rows wake the dispatchers, and each run sets a timer for the next retry that falls due:
// the poll is only a safety net for what neither covers (a wake-up lost while disconnected).
const SAFETY_POLL_MS = 30_000;

export interface DispatcherOptions extends Partial<DeliverOptions> {
  /** The safety poll; deliveries are otherwise started by wake-ups and by the next due retry. */
  pollIntervalMs?: number;
  /** Where to LISTEN for queued deliveries (the server passes DATABASE_URL); without it only the polls and due timers start runs. */
  listenUrl?: string | null;
  leaseMs?: number;
  /** Most deliveries in flight at once per instance. */
  maxInFlight?: number;
  logger?: Logger;
}

export interface NotificationDispatcher extends BackgroundService {
  /** Claims the due notifications and resolves once each has been attempted; returns how many. */
  deliverDue(): Promise<number>;
  /** Looks for due deliveries now instead of at the next tick. */
  wake(): void;
}

// One per process, because Next.js bundles route handlers and instrumentation separately.
const wakers = processSlot("dispatcherWakers", () => new Set<() => void>());

/** Asks the running dispatchers of this process to deliver now, e.g. after committing an alert change. */
export function wakeDispatcher(): void {
  for (const wake of wakers.get()) wake();
}

/**
 * Delivers the notifications outbox: woken when rows are queued (on any instance) and when the
 * earliest retry falls due, it sends each due row on its own (a slow or failing channel never
 * holds up another, nor the next run), and records every result.
 */
export function createNotificationDispatcher(db: Db, options: DispatcherOptions = {}): NotificationDispatcher {
  const logger = options.logger ?? getLogger("notify");
  const settings = options.settings ?? defaultNotifySettings();
  const deliver: DeliverOptions = {
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
  const pollIntervalMs = options.pollIntervalMs ?? SAFETY_POLL_MS;
  const listenUrl = options.listenUrl ?? null;
  let loop: Loop | undefined;
  let listener: ChannelListener | undefined;
  let dueTimer: NodeJS.Timeout | undefined;
  let dueAt = Infinity;
  let running = false;
  let wokenWhileRunning = false;
  const wakeUps = outageReporter(logger, "Database (notification wake-ups)");

  // One timer, for the earliest known due row; the safety poll covers anything later.
  const wakeWhenDue = async () => {
    if (!loop) return;
    const next = await nextDueAt(db);
    if (!next || !loop) return;
    const delay = Math.max(0, next.getTime() - deliver.now().getTime());
    if (delay >= pollIntervalMs || Date.now() + delay >= dueAt) return;
    clearTimeout(dueTimer);
    dueAt = Date.now() + delay;
    dueTimer = setTimeout(() => {
      dueAt = Infinity;
      wake();
    }, delay);
    dueTimer.unref();
  };

  const attempt = async (row: Notification) => {
    try {
      const outcome = await deliverNotification(db, row, deliver);
      database.recovered();
      if (outcome.error) channelOutages[row.channel].failed(new Error(outcome.error));
      else channelOutages[row.channel].recovered();
      if (outcome.status === "FAILED") logger.warn(`Notification ${row.id} (${row.channel}) failed after ${deliver.retry.maxAttempts} attempts`, { error: outcome.error });
    } catch (error) {
      // Recording the result failed; the lease expires and the row is attempted again.
      database.failed(error);
    }
    await wakeWhenDue().catch((error) => database.failed(error));
  };

  const startDue = async (): Promise<Promise<void>[]> => {
    const rows = await claimDueNotifications(db, deliver.now(), leaseMs, maxInFlight - inFlight.size);
    return rows.map((row) => {
      const sending = attempt(row).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      return sending;
    });
  };

  // A wake-up during a run may come after its claim saw the table: the run goes round once more.
  const wake = () => {
    if (running) wokenWhileRunning = true;
    void loop?.trigger();
  };

  const run = async () => {
    running = true;
    try {
      do {
        wokenWhileRunning = false;
        await startDue();
        await wakeWhenDue();
      } while (wokenWhileRunning && loop);
    } finally {
      running = false;
    }
  };

  return {
    name: "notification dispatcher",
    async start() {
      loop = startLoop({ name: "Notification dispatcher", intervalMs: pollIntervalMs, firstRunAfterMs: 0, logger, run });
      wakers.get().add(wake);
      if (listenUrl) {
        listener = listenOnChannel({ connectionString: listenUrl, channel: OUTBOX_CHANNEL, onWake: wake, onError: (error) => wakeUps.failed(error), onListening: () => wakeUps.recovered() });
      }
      logger.info("Notification dispatcher started");
      for (const channel of CHANNELS) {
        const { enabled, missing } = channelReadiness(channel, settings);
        if (enabled && missing.length) logger.warn(`${channel} alerts are enabled but not configured: set ${missing.join(", ")}`);
      }
    },
    async stop() {
      wakers.get().delete(wake);
      await listener?.close();
      listener = undefined;
      clearTimeout(dueTimer);
      dueAt = Infinity;
      const stopping = loop;
      loop = undefined;
      await stopping?.stop();
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

