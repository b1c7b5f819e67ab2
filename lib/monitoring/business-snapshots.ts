import type { Db } from "../db/client";
import { API_LATENCY, DB_LATENCY, readHistogram } from "./fields";
import { CLUSTER_INSTANCE, metricRow } from "./metric-catalogue";
import type { MetricsTracker } from "./metrics-tracker";
import { MINUTE_MS, minuteOf } from "./minute-buckets";
import { apiFigures, databaseP95, jobFigures, orderCount, whatsappFigures } from "./snapshot-figures";

// A minute is written once every instance has flushed it (they flush each second).
const SETTLE_MS = 5000;
// After an outage, minutes are caught up from the shared buckets, at most this far back.
const CATCH_UP_MINUTES = 60;
// The row whose presence marks a minute as written (by this leader or a previous one).
const MARKER = { metricType: "orders", metricName: "orders_created" } as const;

async function minuteRows(tracker: MetricsTracker, minute: number, writer: string) {
  const [counters, api, database] = await Promise.all([
    tracker.sum("counters", minute, minute),
    tracker.sum("api", minute, minute),
    tracker.sum("database", minute, minute),
  ]);
  const at = new Date(minute * MINUTE_MS);
  const whatsapp = whatsappFigures(counters);
  const jobs = jobFigures(counters);
  const requests = apiFigures(api);
  const dbP95 = databaseP95(database);
  const row = (name: Parameters<typeof metricRow>[0], value: number, buckets?: number[]) => metricRow(name, value, CLUSTER_INSTANCE, at, { writer }, buckets);
  return [
    row("orders_created", orderCount(counters)),
    row("whatsapp_sent", whatsapp.sent),
    row("whatsapp_delivered", whatsapp.delivered),
    row("whatsapp_failed", whatsapp.failed),
    row("jobs_completed", jobs.completed),
    row("jobs_failed", jobs.failed),
    row("api_requests", requests.requests),
    row("api_errors", requests.errors),
    // The histogram goes with the p95 so that hours and days merge it into an exact p95 of their own.
    ...(requests.latency.p95 === null ? [] : [row("api_latency_p95", requests.latency.p95, readHistogram(api, API_LATENCY).counts)]),
    ...(dbP95 === null ? [] : [row("database_latency_p95", dbP95, readHistogram(database, DB_LATENCY).counts)]),
  ];
}

/**
 * Writes the business figures of each complete minute not yet in system_metrics (since
 * `earliestMinute`, at most an hour back), so charts have history. Returns the minutes written.
 */
export async function writeBusinessSnapshots(db: Db, tracker: MetricsTracker, writer: string, earliestMinute: number, now: Date): Promise<number[]> {
  const last = minuteOf(now.getTime() - SETTLE_MS) - 1;
  const first = Math.max(earliestMinute, last - CATCH_UP_MINUTES + 1);
  if (first > last) return [];
  const written = await db.systemMetric.findMany({
    where: { ...MARKER, instance: CLUSTER_INSTANCE, recordedAt: { gte: new Date(first * MINUTE_MS), lte: new Date(last * MINUTE_MS) } },
    select: { recordedAt: true },
  });
  const done = new Set(written.map((row) => minuteOf(row.recordedAt.getTime())));
  const missing: number[] = [];
  for (let minute = first; minute <= last; minute++) if (!done.has(minute)) missing.push(minute);
  if (!missing.length) return [];
  const rows = (await Promise.all(missing.map((minute) => minuteRows(tracker, minute, writer)))).flat();
  await db.systemMetric.createMany({ data: rows });
  return missing;
}
