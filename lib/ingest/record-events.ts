import type { IngestResult, MonitorEvent, RejectedEvent } from "../platform-client/events";
import { getConfig } from "../config";
import { type Db, getDb } from "../db/client";
import type { MetricsTracker } from "../monitoring/metrics-tracker";
import { getTracker } from "../monitoring/tracker";
import { claimEventIds } from "./dedup";
import { ingestEvent } from "./event-schema";
import { type Heartbeat, recordHeartbeats, refusedServices } from "../services/heartbeats";

const DAY_MS = 86_400_000;
/** Clocks of platform hosts drift; beyond this an event time is a bug, not drift. */
export const MAX_FUTURE_MS = 5 * 60_000;

export interface RecordEventsOptions {
  db?: Db;
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
export async function recordEvents(events: unknown[], options: RecordEventsOptions = {}): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const retentionDays = options.retentionDays ?? getConfig().monitoring.retentionDays;
  const queues = new Set(options.queues ?? getConfig().monitoring.queues);
  const errors: RejectedEvent[] = [];
  const firstById = new Map<string, ValidEvent>();
  let duplicates = 0;

  events.forEach((raw, index) => {
    const checked = validate(raw, now.getTime(), retentionDays, queues);
    if ("reason" in checked) errors.push({ index, id: idOf(raw), reason: checked.reason });
    else if (firstById.has(checked.event.id)) duplicates++;
    else firstById.set(checked.event.id, checked);
  });

  const db = options.db ?? getDb();
  await refuseServicesBeyondLimit(db, events, firstById, errors, options.maxServices ?? getConfig().monitoring.maxServices);
  const claimed = await claimEventIds(db, [...firstById.keys()], now);
  const tracker = options.tracker ?? getTracker();
  const heartbeats: Heartbeat[] = [];
  for (const { event, at } of firstById.values()) {
    if (!claimed.has(event.id)) duplicates++;
    else if (event.type === "service.heartbeat") heartbeats.push({ service: event.service, at });
    else track(tracker, event, at);
  }
  await recordHeartbeats(db, heartbeats);
  return { accepted: claimed.size, rejected: errors.length, duplicates, errors };
}

function validate(raw: unknown, nowMs: number, retentionDays: number, queues: Set<string>): ValidEvent | { reason: string } {
  const parsed = ingestEvent.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message };
  }
  const at = Date.parse(parsed.data.timestamp);
  if (at < nowMs - retentionDays * DAY_MS) return { reason: `timestamp: older than the retention window of ${retentionDays} days` };
  if (at > nowMs + MAX_FUTURE_MS) return { reason: "timestamp: more than 5 minutes in the future" };
  if ("queue" in parsed.data && !queues.has(parsed.data.queue)) return { reason: `queue: ${parsed.data.queue} is not observed; add it to MONITORING_QUEUES` };
  return { event: parsed.data, at };
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

function track(tracker: MetricsTracker, event: Exclude<MonitorEvent, { type: "service.heartbeat" }>, at: number): void {
  switch (event.type) {
    case "order.created":
      return tracker.recordOrderCreated(at);
    case "whatsapp.message":
      return tracker.recordWhatsAppMessage(event.status, at);
    case "job.completed":
    case "job.failed":
      return tracker.recordJob(event.queue, event.type === "job.completed" ? "completed" : "failed", event.durationMs, at);
  }
}
