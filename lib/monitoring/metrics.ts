import { getConfig } from "../config";
import { ORDERS_FIELD } from "./fields";
import { type LocalPeriods, localPeriods } from "./local-periods";
import type { MetricsTracker } from "./metrics-tracker";
import { minuteOf } from "./minute-buckets";
import { type QueueDepth, currentQueueDepths, withQueueDepths } from "./queue-depth";
import { type CollectorReadings, getCollectorReadings } from "./readings";
import { apiFigures, databaseP95, jobFigures, orderCount, whatsappFigures } from "./snapshot-figures";
import { getTracker } from "./tracker";
import type { MetricsSnapshot } from "./types";

// Windows are whole one-minute buckets ending with the current one.
const HOUR_WINDOW_MINUTES = 60;
const SHORT_WINDOW_MINUTES = 5;

export interface SnapshotSources {
  tracker: MetricsTracker;
  readings: CollectorReadings;
  timeZone: string;
  /** Depth of each observed queue, from the queue observer. */
  queueDepths?: Record<string, QueueDepth>;
}

const calendars = new Map<string, (minute: number) => LocalPeriods>();

function localDayStart(timeZone: string, minute: number): number {
  let periodsOf = calendars.get(timeZone);
  if (!periodsOf) calendars.set(timeZone, (periodsOf = localPeriods(timeZone)));
  return periodsOf(minute).dayStart;
}

export async function buildMetricsSnapshot({ tracker, readings, timeZone, queueDepths = {} }: SnapshotSources, now: Date): Promise<MetricsSnapshot> {
  const current = minuteOf(now.getTime());
  const [today, lastHour, api, database] = await Promise.all([
    tracker.sumPeriod("day", timeZone, localDayStart(timeZone, current), current, [ORDERS_FIELD]),
    tracker.sum("counters", current - HOUR_WINDOW_MINUTES + 1, current),
    tracker.sum("api", current - SHORT_WINDOW_MINUTES + 1, current),
    tracker.sum("database", current - SHORT_WINDOW_MINUTES + 1, current),
  ]);
  return {
    timestamp: now.toISOString(),
    orders: { today: orderCount(today), lastHour: orderCount(lastHour) },
    whatsapp: whatsappFigures(lastHour),
    jobs: withQueueDepths(jobFigures(lastHour), queueDepths),
    api: apiFigures(api),
    database: { latency: { last: readings.databaseProbeMs, p95: databaseP95(database) } },
    system: readings.host ? { ...readings.host } : { cpu: null, memory: null, disk: null },
  };
}

/** GET /api/v1/monitoring/metrics: the figures the rules, the dashboard and the exporter share. */
export function getMetricsSnapshot(now: Date = new Date()): Promise<MetricsSnapshot> {
  return buildMetricsSnapshot({ tracker: getTracker(), readings: getCollectorReadings(), timeZone: getConfig().monitoring.timeZone, queueDepths: currentQueueDepths() }, now);
}
