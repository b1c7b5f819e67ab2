import type { Db } from "../db/client";
import type { InsightPeriod } from "./period";
import { weightedMedian } from "./weighted-median";

export interface ChannelDelivery {
  /** The configured channel's name, or the kind for a channel from the environment. */
  channel: string;
  kind: string;
  deliveries: number;
  sent: number;
  failed: number;
  pending: number;
  /** Deliveries that needed more than one attempt, whatever became of them. */
  retried: number;
  /** From the alert change that queued the delivery (its creation or escalation) to the message being sent. */
  medianSecondsToDeliver: number | null;
  lastFailure: { at: string; reason: string } | null;
}

// One row per channel, outcome and delivery time to the tenth of a second: a hash aggregate over
// the covering index, with no sort of the period's deliveries, and the exact median of those times.
interface HistogramRow {
  kind: string;
  name: string | null;
  status: string;
  retried: boolean;
  seconds: number | null;
  count: number;
}

interface FailureRow {
  kind: string;
  name: string | null;
  at: Date;
  reason: string;
}

/**
 * Per channel, the deliveries queued in the period: a notification row is written in the same
 * transaction as the alert change it reports, so its created_at is the alert's time and the
 * range is read through notifications_created_at_idx alone.
 */
export async function channelDelivery(db: Db, { from, to }: InsightPeriod): Promise<ChannelDelivery[]> {
  const [histogram, failures] = await Promise.all([
    db.$queryRaw<HistogramRow[]>`
      SELECT channel::text AS kind, channel_name AS name, status::text AS status, attempts > 1 AS retried,
             (round(date_part('epoch', sent_at - created_at) * 10) / 10)::float8 AS seconds, count(*)::int AS count
      FROM notifications
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz
      GROUP BY channel, channel_name, status, attempts > 1, round(date_part('epoch', sent_at - created_at) * 10)`,
    db.$queryRaw<FailureRow[]>`
      SELECT DISTINCT ON (channel, channel_name) channel::text AS kind, channel_name AS name, updated_at AS at, last_error AS reason
      FROM notifications
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND status = 'FAILED' AND last_error IS NOT NULL
      ORDER BY channel, channel_name, updated_at DESC`,
  ]);
  const key = (row: { kind: string; name: string | null }) => `${row.kind}\u0000${row.name ?? ""}`;
  const lastFailures = new Map(failures.map((row) => [key(row), { at: row.at.toISOString(), reason: row.reason }]));
  const channels = new Map<string, { kind: string; name: string | null; rows: HistogramRow[] }>();
  for (const row of histogram) {
    const entry = channels.get(key(row)) ?? { kind: row.kind, name: row.name, rows: [] };
    entry.rows.push(row);
    channels.set(key(row), entry);
  }
  return [...channels.entries()]
    .map(([channelKey, { kind, name, rows }]) => {
      const count = (match: (row: HistogramRow) => boolean) => rows.filter(match).reduce((sum, row) => sum + row.count, 0);
      const sentTimes = rows.filter((row) => row.seconds !== null).map((row) => ({ value: row.seconds!, count: row.count }));
      const median = weightedMedian(sentTimes);
      return {
        channel: name ?? kind,
        kind,
        deliveries: count(() => true),
        sent: count((row) => row.status === "SENT"),
        failed: count((row) => row.status === "FAILED"),
        pending: count((row) => row.status === "PENDING"),
        retried: count((row) => row.retried),
        medianSecondsToDeliver: median === null ? null : Math.round(median * 10) / 10,
        lastFailure: lastFailures.get(channelKey) ?? null,
      };
    })
    .sort((a, b) => b.deliveries - a.deliveries || a.channel.localeCompare(b.channel));
}
