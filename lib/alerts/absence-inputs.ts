import { businessPeriodStart } from "../business-hours/hours";
import { readBusinessHours } from "../business-hours/settings";
import type { Db } from "../db/client";
import { ORDERS_FIELD } from "../monitoring/fields";
import type { MetricsTracker } from "../monitoring/metrics-tracker";
import { MINUTE_MS, minuteOf } from "../monitoring/minute-buckets";
import type { QueueDepth } from "../monitoring/queue-depth";
import { orderCount } from "../monitoring/snapshot-figures";
import type { MetricsSnapshot } from "../monitoring/types";
import type { QueueReading, RuleInputs } from "./evaluate-rules";
import { deliveriesReported, lastStoredOrderAt, orderBaseline } from "./queries/order-history";
import type { Watch } from "./watch";

// Minutes not yet in system_metrics (the flusher writes each a few seconds after it ends): the
// latest order is looked for in the counters over these.
const UNSETTLED_MINUTES = 2;

export interface AbsenceSources {
  db: Db;
  tracker: MetricsTracker;
  watch: Watch;
  depths: Record<string, QueueDepth>;
  /** Counters shared through Redis survive a restart; counters in this process do not. */
  sharedCounters: boolean;
}

/** What the rules on missing things read from PostgreSQL: business hours, order history, delivery receipts, services. */
export async function storedAbsenceInputs({ db, tracker, watch, sharedCounters }: AbsenceSources, now: Date): Promise<Partial<RuleInputs> & { deliveriesReported: boolean }> {
  const [hours, storedOrderAt, recentOrderAt, baseline, reported, services] = await Promise.all([
    readBusinessHours(db),
    lastStoredOrderAt(db),
    latestCountedOrderAt(tracker, now),
    orderBaseline(db, now),
    deliveriesReported(db, now),
    db.monitoredService.findMany({ select: { name: true, lastHeartbeatAt: true, retiredAt: true } }),
  ]);
  const lastOrderAt = Math.max(storedOrderAt ?? Number.NEGATIVE_INFINITY, recentOrderAt ?? Number.NEGATIVE_INFINITY);
  return {
    clock: {
      now: now.getTime(),
      watchingSince: watch.startedAt,
      countersSince: sharedCounters ? 0 : watch.startedAt,
      businessOpenSince: businessPeriodStart(hours, hours.timeZone, now)?.getTime() ?? null,
    },
    lastOrderAt: Number.isFinite(lastOrderAt) ? lastOrderAt : null,
    orderBaseline: baseline,
    deliveriesReported: reported,
    services: services.map((service) => ({ name: service.name, lastHeartbeatAt: service.lastHeartbeatAt.getTime(), retired: service.retiredAt !== null })),
  };
}

async function latestCountedOrderAt(tracker: MetricsTracker, now: Date): Promise<number | null> {
  const current = minuteOf(now.getTime());
  for (let minute = current; minute > current - UNSETTLED_MINUTES; minute--) {
    if (orderCount(await tracker.sum("counters", minute, minute, [ORDERS_FIELD])) > 0) return Math.min(now.getTime(), (minute + 1) * MINUTE_MS);
  }
  return null;
}

/** Sent and delivered messages of the last hour, where the platform reports delivery receipts at all. */
export function whatsappDelivery(whatsapp: MetricsSnapshot["whatsapp"], deliveriesReported: boolean): RuleInputs["whatsappDelivery"] {
  return deliveriesReported || whatsapp.delivered > 0 ? { sent: whatsapp.sent, delivered: whatsapp.delivered } : null;
}

/** Each observed queue's waiting jobs, oldest wait and stall, from BullMQ's depths and the completion counters. */
export async function queueInputs({ tracker, watch, depths }: Pick<AbsenceSources, "tracker" | "watch" | "depths">, now: Date): Promise<QueueReading[]> {
  const waiting = Object.fromEntries(Object.entries(depths).map(([queue, depth]) => [queue, depth.waiting]));
  const stalled = await watch.stalledMinutes(tracker, waiting, now.getTime());
  return Object.entries(depths).map(([queue, depth]) => ({
    queue,
    waiting: depth.waiting,
    oldestWaitMinutes: depth.oldestWaitingAt == null ? null : Math.max(0, Math.round(((now.getTime() - depth.oldestWaitingAt) / MINUTE_MS) * 10) / 10),
    stalledMinutes: stalled[queue] ?? 0,
  }));
}
