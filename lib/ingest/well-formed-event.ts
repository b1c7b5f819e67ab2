import { isStorableText, isoTimeText } from "../http/schemas";
import { type MonitorEvent, SERVICE_NAME } from "../platform-client/events";
import { MAX_DURATION_MS, MAX_ERROR_LENGTH, MAX_ID_LENGTH, QUEUE_NAME, WHATSAPP_STATUSES } from "./event-schema";

type Raw = Record<string, unknown>;
const STATUSES: ReadonlySet<unknown> = new Set(WHATSAPP_STATUSES);

/**
 * The event `raw` is, when it is plainly well formed: the common case, checked without building a
 * zod result per event. Everything it accepts the schema (ingestEvent) accepts too, with the same
 * output; anything else gives undefined, for the schema to judge and explain. A batch's events
 * mostly share few timestamps, so each distinct one is checked once, through the schema's own rule,
 * and remembered in `times`.
 */
export function wellFormedEvent(raw: unknown, times: Map<string, boolean>): MonitorEvent | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { id, timestamp, type } = raw as Raw;
  if (!isPlainId(id) || typeof timestamp !== "string" || !isTime(timestamp, times)) return undefined;
  switch (type) {
    case "order.created":
      return { id, timestamp, type };
    case "whatsapp.message": {
      const { status, error } = raw as Raw;
      if (!STATUSES.has(status) || !isErrorText(error)) return undefined;
      const event = { id, timestamp, type, status: status as (typeof WHATSAPP_STATUSES)[number] };
      return error === undefined ? event : { ...event, error };
    }
    case "job.completed":
    case "job.failed": {
      const { queue, durationMs, error } = raw as Raw;
      if (typeof queue !== "string" || !QUEUE_NAME.test(queue) || !isDuration(durationMs) || !isErrorText(error)) return undefined;
      const event = { id, timestamp, type, queue, durationMs };
      return error === undefined ? event : { ...event, error };
    }
    case "service.heartbeat": {
      const { service } = raw as Raw;
      if (typeof service !== "string" || !SERVICE_NAME.test(service)) return undefined;
      return { id, timestamp, type, service };
    }
    default:
      return undefined;
  }
}

// The schema trims ids; one that needs trimming is left to it.
function isPlainId(id: unknown): id is string {
  return typeof id === "string" && id.length >= 1 && id.length <= MAX_ID_LENGTH && id.trim() === id && isStorableText(id);
}

function isTime(timestamp: string, times: Map<string, boolean>): boolean {
  let valid = times.get(timestamp);
  if (valid === undefined) times.set(timestamp, (valid = isoTimeText.safeParse(timestamp).success));
  return valid;
}

function isDuration(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_MS;
}

function isErrorText(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === "string" && value.length <= MAX_ERROR_LENGTH && isStorableText(value));
}
