import type { IngestResult, MonitorEvent, RejectedEvent } from "../platform-client/events";
import { getConfig } from "../config";
import { type Db, getDb } from "../db/client";
import type { MetricsTracker } from "../monitoring/metrics-tracker";
import { getTracker } from "../monitoring/tracker";
import { claimEventIds } from "./dedup";
import { ingestEvent } from "./event-schema";

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

  const claimed = await claimEventIds(options.db ?? getDb(), [...firstById.keys()], now);
  const tracker = options.tracker ?? getTracker();
  for (const { event, at } of firstById.values()) {
    if (claimed.has(event.id)) track(tracker, event, at);
    else duplicates++;
  }
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

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

function track(tracker: MetricsTracker, event: MonitorEvent, at: number): void {
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
