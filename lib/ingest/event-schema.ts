import { z } from "zod";
import { isoTimeText, safeText } from "../http/schemas";
import { MAX_BATCH_EVENTS, type MonitorEvent, SERVICE_NAME } from "../platform-client/events";

/** The longest job duration an event may report. */
export const MAX_DURATION_MS = 86_400_000;
export const MAX_ID_LENGTH = 128;
export const MAX_ERROR_LENGTH = 2000;
// Queue names become metric labels: plain characters only.
export const QUEUE_NAME = /^[\w.:-]{1,100}$/;
export const WHATSAPP_STATUSES = ["sent", "delivered", "failed"] as const;

/** The envelope: anything else is a 400; each event is then validated on its own. */
export const ingestBody = z.object({
  events: z.array(z.unknown()).max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events per batch`),
});

const base = {
  id: safeText(MAX_ID_LENGTH).min(1, "must not be empty"),
  timestamp: isoTimeText,
};
const errorText = safeText(MAX_ERROR_LENGTH, { trim: false }).optional();
const queue = z.string().regex(QUEUE_NAME, "expected a queue name of letters, digits, _ . : or -");
const durationMs = z.number().min(0).max(MAX_DURATION_MS);
const job = { ...base, queue, durationMs, error: errorText };

export const ingestEvent = z.discriminatedUnion(
  "type",
  [
    z.object({ ...base, type: z.literal("order.created") }),
    z.object({ ...base, type: z.literal("whatsapp.message"), status: z.enum(WHATSAPP_STATUSES), error: errorText }),
    z.object({ ...job, type: z.literal("job.completed") }),
    z.object({ ...job, type: z.literal("job.failed") }),
    // Service names become alert subjects: plain, short, and bounded in number where they are recorded.
    z.object({ ...base, type: z.literal("service.heartbeat"), service: z.string().regex(SERVICE_NAME, "expected a service name of lower-case letters, digits, . _ or -, at most 63 characters") }),
  ],
  { error: "expected type order.created, whatsapp.message, job.completed, job.failed or service.heartbeat" },
) satisfies z.ZodType<MonitorEvent>;
