import type { IngestResult, MonitorEvent, RejectedEvent } from "../platform-client/events";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { ORDERS_FIELD, WHATSAPP_FIELDS, add, countJob } from "../monitoring/fields";
import type { ActivityKind, MetricsTracker } from "../monitoring/metrics-tracker";
import { MinuteBuckets, minuteOf } from "../monitoring/minute-buckets";
import { getTracker } from "../monitoring/tracker";
import { claimEventIds } from "./dedup";
import { ingestEvent } from "./event-schema";
import { wellFormedEvent } from "./well-formed-event";
import { type Heartbeat, recordHeartbeats, refusedServices } from "../services/heartbeats";

const DAY_MS = 86_400_000;
/** Clocks of platform hosts drift; beyond this an event time is a bug, not drift. */
export const MAX_FUTURE_MS = 5 * 60_000;

export interface RecordEventsOptions {
  tracker?: MetricsTracker;
  now?: Date;
  retentionDays?: number;
  /** Queues whose jobs are counted; queue names become metric labels, so unknown ones are refused. */
  queues?: readonly string[];
  /** Most services counted at once (MONITORING_MAX_SERVICES). */
  maxServices?: number;
}

interface ValidEvent {
  event: MonitorEvent;
  at: number;
}

/**
 * Validates each event on its own, counts each event id once (a retried or concurrent duplicate
 * batch adds nothing), and records the new ones in the tracker at their own time.
 */
export async function recordEvents(db: Db, events: unknown[], options: RecordEventsOptions = {}): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const retentionDays = options.retentionDays ?? getConfig().monitoring.retentionDays;
  const queues = new Set(options.queues ?? getConfig().monitoring.queues);
  const errors: RejectedEvent[] = [];
  const firstById = new Map<string, ValidEvent>();
  let duplicates = 0;
  const times = new Map<string, boolean>();

  events.forEach((raw, index) => {
    const checked = validate(raw, now.getTime(), retentionDays, queues, times);
    if ("reason" in checked) errors.push({ index, id: idOf(raw), reason: checked.reason });
    else if (firstById.has(checked.event.id)) duplicates++;
    else firstById.set(checked.event.id, checked);
  });

  await refuseServicesBeyondLimit(db, events, firstById, errors, options.maxServices ?? getConfig().monitoring.maxServices);
  const { claimed, batchId, counts } = await claimEventIds(db, [...firstById.keys()], now, (claimed) => countClaimed(firstById, claimed));
  if (batchId) (options.tracker ?? getTracker()).recordClaimed(batchId, counts, activityOf(counts));
  duplicates += firstById.size - claimed.size;
  await recordHeartbeats(db, claimedHeartbeats(firstById, claimed));
  return { accepted: claimed.size, rejected: errors.length, duplicates, errors };
}

/** The counters of the claimed events, each in its own minute, in one pass. */
function countClaimed(valid: Map<string, ValidEvent>, claimed: Set<string>): MinuteBuckets {
  const counts = new MinuteBuckets();
  for (const { event, at } of valid.values()) {
    if (!claimed.has(event.id) || event.type === "service.heartbeat") continue;
    const fields = counts.at(minuteOf(at)).counters;
    if (event.type === "order.created") add(fields, ORDERS_FIELD, 1);
    else if (event.type === "whatsapp.message") add(fields, WHATSAPP_FIELDS[event.status], 1);
    else countJob(fields, event.queue, event.type === "job.completed" ? "completed" : "failed", event.durationMs);
  }
  return counts;
}

function claimedHeartbeats(valid: Map<string, ValidEvent>, claimed: Set<string>): Heartbeat[] {
  const heartbeats: Heartbeat[] = [];
  for (const { event, at } of valid.values()) {
    if (event.type === "service.heartbeat" && claimed.has(event.id)) heartbeats.push({ service: event.service, at });
  }
  return heartbeats;
}

// Orders and messages can raise alerts: the evaluator looks at once rather than at its next tick.
function activityOf(counts: MinuteBuckets): ActivityKind[] {
  const kinds: ActivityKind[] = [];
  const has = (fields: readonly string[]) => [...counts.byMinute.values()].some(({ counters }) => fields.some((field) => counters.has(field)));
  if (has([ORDERS_FIELD])) kinds.push("orders");
  if (has(Object.values(WHATSAPP_FIELDS))) kinds.push("whatsapp");
  return kinds;
}

function validate(raw: unknown, nowMs: number, retentionDays: number, queues: Set<string>, times: Map<string, boolean>): ValidEvent | { reason: string } {
  const parsed = parseEvent(raw, times);
  if ("reason" in parsed) return parsed;
  const at = Date.parse(parsed.data.timestamp);
  if (at < nowMs - retentionDays * DAY_MS) return { reason: `timestamp: older than the retention window of ${retentionDays} days` };
  if (at > nowMs + MAX_FUTURE_MS) return { reason: "timestamp: more than 5 minutes in the future" };
  if ("queue" in parsed.data && !queues.has(parsed.data.queue)) return { reason: `queue: ${parsed.data.queue} is not observed; add it to MONITORING_QUEUES` };
  return { event: parsed.data, at };
}

function parseEvent(raw: unknown, times: Map<string, boolean>): { data: MonitorEvent } | { reason: string } {
  const plain = wellFormedEvent(raw, times);
  if (plain) return { data: plain };
  const parsed = ingestEvent.safeParse(raw);
  if (parsed.success) return parsed;
  const issue = parsed.error.issues[0];
  return { reason: issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message };
}

async function refuseServicesBeyondLimit(db: Db, events: unknown[], valid: Map<string, ValidEvent>, errors: RejectedEvent[], max: number): Promise<void> {
  const names = [...valid.values()].flatMap(({ event }) => (event.type === "service.heartbeat" ? [event.service] : []));
  const refused = await refusedServices(db, names, max);
  if (!refused.size) return;
  events.forEach((raw, index) => {
    const id = idOf(raw);
    const checked = id === null ? undefined : valid.get(id);
    if (checked?.event.type !== "service.heartbeat" || !refused.has(checked.event.service)) return;
    errors.push({ index, id, reason: `service: ${max} services are already counted; retire one that no longer runs` });
    valid.delete(id!);
  });
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}
