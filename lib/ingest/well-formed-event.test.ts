import { describe, expect, test } from "vitest";
import { ingestEvent } from "./event-schema";
import { wellFormedEvent } from "./well-formed-event";

const at = "2026-11-28T10:00:00.000Z";
const valid = [
  { id: "o1", type: "order.created", timestamp: at },
  { id: "o2", type: "order.created", timestamp: "2026-11-28T10:00:00+05:45", extra: "dropped" },
  { id: "w1", type: "whatsapp.message", status: "failed", error: "no route", timestamp: at },
  { id: "w2", type: "whatsapp.message", status: "sent", timestamp: at },
  { id: "j1", type: "job.completed", queue: "orders:sync", durationMs: 0, timestamp: at },
  { id: "j2", type: "job.failed", queue: "q", durationMs: 86_400_000, error: "boom", timestamp: at },
  { id: "h1", type: "service.heartbeat", service: "api-1", timestamp: at },
];
const invalid = [
  null,
  [],
  "text",
  { id: " padded ", type: "order.created", timestamp: at },
  { id: "", type: "order.created", timestamp: at },
  { id: "x".repeat(129), type: "order.created", timestamp: at },
  { id: "nul\u0000", type: "order.created", timestamp: at },
  { id: "lone\uD800", type: "order.created", timestamp: at },
  { id: 7, type: "order.created", timestamp: at },
  { id: "t1", type: "order.created", timestamp: "2026-02-30T10:00:00Z" },
  { id: "t2", type: "order.created", timestamp: "2026-11-28 10:00:00" },
  { id: "t3", type: "order.created", timestamp: "2026-11-28T10:00:00" },
  { id: "t4", type: "order.created", timestamp: 1_700_000_000_000 },
  { id: "y1", type: "order.deleted", timestamp: at },
  { id: "w3", type: "whatsapp.message", status: "read", timestamp: at },
  { id: "w4", type: "whatsapp.message", status: "sent", error: 5, timestamp: at },
  { id: "w5", type: "whatsapp.message", status: "sent", error: "x".repeat(2001), timestamp: at },
  { id: "j3", type: "job.completed", queue: "bad queue", durationMs: 1, timestamp: at },
  { id: "j4", type: "job.completed", queue: "q", durationMs: -1, timestamp: at },
  { id: "j5", type: "job.completed", queue: "q", durationMs: 86_400_001, timestamp: at },
  { id: "j6", type: "job.completed", queue: "q", durationMs: "5", timestamp: at },
  { id: "j7", type: "job.failed", queue: "q", timestamp: at },
  { id: "h2", type: "service.heartbeat", service: "Upper", timestamp: at },
];

describe("the plain check of a well-formed event agrees with the schema", () => {
  test.each(valid)("accepts %j with the schema's own output", (raw) => {
    const parsed = ingestEvent.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(wellFormedEvent(raw, new Map())).toEqual(parsed.data);
  });

  test.each(invalid)("leaves %j to the schema", (raw) => {
    expect(wellFormedEvent(raw, new Map())).toBeUndefined();
  });

  test("a timestamp is judged once per batch", () => {
    const times = new Map<string, boolean>();
    wellFormedEvent(valid[0], times);
    wellFormedEvent(valid[1], times);
    wellFormedEvent({ id: "t", type: "order.created", timestamp: "yesterday" }, times);
    expect(times).toEqual(new Map([[at, true], ["2026-11-28T10:00:00+05:45", true], ["yesterday", false]]));
  });
});
