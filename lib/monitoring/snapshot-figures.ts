import { API_LATENCY, DB_LATENCY, type Fields, ORDERS_FIELD, WHATSAPP_FIELDS, parseApiRequestField, parseJobField, readHistogram } from "./fields";
import { percentile } from "./histogram";
import type { LatencyPercentiles, MetricsSnapshot, QueueFigures } from "./types";

// Turns summed bucket fields into the figures of the metrics snapshot.

function ratePercent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 10000) / 100;
}

function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

export function orderCount(fields: Fields): number {
  return fields.get(ORDERS_FIELD) ?? 0;
}

export function whatsappFigures(fields: Fields): MetricsSnapshot["whatsapp"] {
  const sent = fields.get(WHATSAPP_FIELDS.sent) ?? 0;
  const delivered = fields.get(WHATSAPP_FIELDS.delivered) ?? 0;
  const failed = fields.get(WHATSAPP_FIELDS.failed) ?? 0;
  return { total: sent + failed, sent, delivered, failed, failureRate: ratePercent(failed, sent + failed) };
}

export function jobFigures(fields: Fields): MetricsSnapshot["jobs"] {
  const byQueue: Record<string, QueueFigures> = {};
  let completed = 0;
  let failed = 0;
  for (const [field, count] of fields) {
    const job = parseJobField(field);
    if (!job) continue;
    const queue = (byQueue[job.queue] ??= { completed: 0, failed: 0, total: 0, failureRate: 0 });
    queue[job.outcome] += count;
    queue.total += count;
    if (job.outcome === "completed") completed += count;
    else failed += count;
  }
  for (const queue of Object.values(byQueue)) queue.failureRate = ratePercent(queue.failed, queue.total);
  return { total: completed + failed, completed, failed, failureRate: ratePercent(failed, completed + failed), byQueue };
}

export function latencyPercentiles(counts: number[]): LatencyPercentiles {
  return { p50: roundMs(percentile(counts, 0.5)), p95: roundMs(percentile(counts, 0.95)), p99: roundMs(percentile(counts, 0.99)) };
}

export function apiFigures(fields: Fields): MetricsSnapshot["api"] {
  let requests = 0;
  let errors = 0;
  for (const [field, count] of fields) {
    const request = parseApiRequestField(field);
    if (!request || request.refused) continue;
    requests += count;
    if (request.status >= 500) errors += count;
  }
  return { requests, errors, errorRate: ratePercent(errors, requests), latency: latencyPercentiles(readHistogram(fields, API_LATENCY).counts) };
}

export function databaseP95(fields: Fields): number | null {
  return roundMs(percentile(readHistogram(fields, DB_LATENCY).counts, 0.95));
}
