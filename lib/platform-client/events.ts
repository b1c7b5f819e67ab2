// What platform services send to POST /api/v1/monitoring/events , and what
// the server answers. Plain types, so this folder can be copied into a service with no dependency.

export const MAX_BATCH_EVENTS = 1000;
export const MAX_BATCH_BYTES = 1024 * 1024;

export type WhatsAppStatus = "sent" | "delivered" | "failed";

interface EventBase {
  /** Unique per event; a retried batch reuses it, so the server counts the event once. */
  id: string;
  /** ISO 8601 with offset, e.g. 2026-11-28T10:00:00Z: when it happened, not when it was sent. */
  timestamp: string;
}

export interface OrderCreatedEvent extends EventBase {
  type: "order.created";
}

export interface WhatsAppMessageEvent extends EventBase {
  type: "whatsapp.message";
  status: WhatsAppStatus;
  error?: string;
}

export interface JobFinishedEvent extends EventBase {
  type: "job.completed" | "job.failed";
  queue: string;
  durationMs: number;
  error?: string;
}

/** "I am alive": a service that stops sending these raises SERVICE_SILENT. */
export interface ServiceHeartbeatEvent extends EventBase {
  type: "service.heartbeat";
  /** Lower-case letters, digits, . _ or -, at most 63 characters, e.g. order-service. */
  service: string;
}

export type MonitorEvent = OrderCreatedEvent | WhatsAppMessageEvent | JobFinishedEvent | ServiceHeartbeatEvent;

export const SERVICE_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export interface RejectedEvent {
  index: number;
  id: string | null;
  reason: string;
}

/** The 202 answer: duplicates were seen before (within a day) and counted then. */
export interface IngestResult {
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: RejectedEvent[];
}
