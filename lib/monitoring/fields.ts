import { BUCKET_COUNT, bucketIndex } from "./histogram";

// The names of the figures the tracker keeps. Each family is one Redis hash per minute, so a read
// fetches only what its window needs: counters over an hour or a day, API and database over minutes.
export type Family = "counters" | "api" | "database";
export const FAMILIES: readonly Family[] = ["counters", "api", "database"];

export type Fields = Map<string, number>;

export type WhatsAppStatus = "sent" | "delivered" | "failed";
export type JobOutcome = "completed" | "failed";

export const ORDERS_FIELD = "orders";
export const WHATSAPP_FIELDS: Record<WhatsAppStatus, string> = { sent: "wa|sent", delivered: "wa|delivered", failed: "wa|failed" };

export interface HistogramFields {
  buckets: readonly string[];
  sum: string;
}

function histogramFields(name: string): HistogramFields {
  return { buckets: Array.from({ length: BUCKET_COUNT }, (_, i) => `${name}|${i}`), sum: `${name}|sum` };
}

/** Job durations (counters family), API latency (api family), query latency (database family). */
export const JOB_DURATION = histogramFields("jobms");
export const API_LATENCY = histogramFields("ms");
export const DB_LATENCY = histogramFields("ms");

export function add(fields: Fields, field: string, amount: number): void {
  fields.set(field, (fields.get(field) ?? 0) + amount);
}

export function addAll(into: Fields, from: Fields, only?: readonly string[]): void {
  if (only) {
    for (const field of only) {
      const amount = from.get(field);
      if (amount !== undefined) add(into, field, amount);
    }
    return;
  }
  for (const [field, amount] of from) add(into, field, amount);
}

export function observe(fields: Fields, histogram: HistogramFields, ms: number): void {
  add(fields, histogram.buckets[bucketIndex(ms)], 1);
  add(fields, histogram.sum, ms);
}

export function countJob(fields: Fields, queue: string, outcome: JobOutcome, durationMs: number): void {
  add(fields, jobField(queue, outcome), 1);
  observe(fields, JOB_DURATION, durationMs);
}

export function readHistogram(fields: Fields, histogram: HistogramFields): { counts: number[]; sum: number; count: number } {
  const counts = histogram.buckets.map((field) => fields.get(field) ?? 0);
  return { counts, sum: fields.get(histogram.sum) ?? 0, count: counts.reduce((a, b) => a + b, 0) };
}

// Field names are interned so the hot path builds no strings for labels it has seen before.
const jobFieldCache = new Map<string, Record<JobOutcome, string>>();
const apiFieldCaches = { req: new Map<string, Map<string, Map<number, string>>>(), rej: new Map<string, Map<string, Map<number, string>>>() };

export function jobField(queue: string, outcome: JobOutcome): string {
  let fields = jobFieldCache.get(queue);
  if (!fields) {
    fields = { completed: `job|completed|${queue}`, failed: `job|failed|${queue}` };
    jobFieldCache.set(queue, fields);
  }
  return fields[outcome];
}

/**
 * A request's field: "req" for one that reached its handler (or failed with a 5xx), which the API
 * error rate counts; "rej" for one refused before it (401, 403, 400), which only Prometheus shows.
 */
export function apiRequestField(route: string, method: string, status: number, kind: "req" | "rej" = "req"): string {
  const cache = apiFieldCaches[kind];
  let byMethod = cache.get(route);
  if (!byMethod) cache.set(route, (byMethod = new Map()));
  let byStatus = byMethod.get(method);
  if (!byStatus) byMethod.set(method, (byStatus = new Map()));
  let field = byStatus.get(status);
  if (!field) byStatus.set(status, (field = `${kind}|${status}|${method}|${route}`));
  return field;
}

export function parseJobField(field: string): { queue: string; outcome: JobOutcome } | null {
  const match = /^job\|(completed|failed)\|(.+)$/.exec(field);
  return match ? { outcome: match[1] as JobOutcome, queue: match[2] } : null;
}

export function parseApiRequestField(field: string): { status: number; method: string; route: string; refused: boolean } | null {
  const match = /^(req|rej)\|(\d{3})\|([^|]+)\|(.+)$/.exec(field);
  return match ? { status: Number(match[2]), method: match[3], route: match[4], refused: match[1] === "rej" } : null;
}
