import type { DeliveryCount, DeliveryDay } from "./days/delivery-days";
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

/** Per channel, the deliveries queued in the period, from its days' counts and failures. */
export function channelDelivery(days: DeliveryDay[]): ChannelDelivery[] {
  const failures = days.flatMap((day) => day.failures);
  const key = (row: { kind: string; name: string | null }) => `${row.kind}\u0000${row.name ?? ""}`;
  const merged = new Map<string, DeliveryCount>();
  for (const row of days.flatMap((day) => day.counts)) {
    const rowKey = `${key(row)}\u0000${row.status}\u0000${row.retried}\u0000${row.seconds}`;
    const total = merged.get(rowKey);
    if (total) total.count += row.count;
    else merged.set(rowKey, { ...row });
  }
  const histogram = [...merged.values()];
  const lastFailures = new Map<string, { at: string; reason: string }>();
  for (const row of failures) {
    const last = lastFailures.get(key(row));
    if (!last || Date.parse(row.at) > Date.parse(last.at)) lastFailures.set(key(row), { at: row.at, reason: row.reason });
  }
  const channels = new Map<string, { kind: string; name: string | null; rows: DeliveryCount[] }>();
  for (const row of histogram) {
    const entry = channels.get(key(row)) ?? { kind: row.kind, name: row.name, rows: [] };
    entry.rows.push(row);
    channels.set(key(row), entry);
  }
  return [...channels.entries()]
    .map(([channelKey, { kind, name, rows }]) => {
      const count = (match: (row: DeliveryCount) => boolean) => rows.filter(match).reduce((sum, row) => sum + row.count, 0);
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
