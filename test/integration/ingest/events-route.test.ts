import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as appEnv } from "../auth/app-env";

const env = await appEnv({ NEXTAUTH_SECRET: "ingest-test-secret-0123456789abcdef", MONITORING_RETENTION_DAYS: "30" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { getMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { recordEvents } = await import("@/lib/ingest/record-events");
const { forgetExpiredEventIds } = await import("@/lib/ingest/dedup");
const eventsRoute = await import("@/app/api/v1/monitoring/events/route");

const db = getDb();
const ingest = (await createApiToken(db, { name: "order-service", role: "INGEST" })).token;
const viewer = (await createApiToken(db, { name: "viewer", role: "VIEWER" })).token;
const admin = (await createApiToken(db, { name: "admin", role: "ADMIN" })).token;

const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const order = (at = new Date().toISOString()) => ({ id: randomUUID(), type: "order.created", timestamp: at });

function post(body: unknown, token: string | null = ingest) {
  return call(eventsRoute.POST, { method: "POST", path: "/api/v1/monitoring/events", token: token ?? undefined, body: body as object });
}

describe("who may send events", () => {
  test("no token is 401, a VIEWER token 403, INGEST and ADMIN tokens 202", async () => {
    expect((await post({ events: [order()] }, null)).status).toBe(401);
    const refused = await post({ events: [order()] }, viewer);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect((await post({ events: [order()] }, ingest)).status).toBe(202);
    expect((await post({ events: [order()] }, admin)).status).toBe(202);
  });
});

describe("batch limits", () => {
  test("1000 events are accepted in one batch", async () => {
    const response = await post({ events: Array.from({ length: 1000 }, () => order()) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1000, rejected: 0, duplicates: 0, errors: [] });
  });

  test("1001 events are a 400 and nothing is recorded", async () => {
    const before = (await getMetricsSnapshot()).orders.today;
    const response = await post({ events: Array.from({ length: 1001 }, () => order()) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("at most 1000 events");
    expect((await getMetricsSnapshot()).orders.today).toBe(before);
  });

  test("a body over 1 MB is a 413", async () => {
    const response = await post(JSON.stringify({ events: [order()], padding: "x".repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  test.each([
    ["an array", "[]"],
    ["events missing", "{}"],
    ["events not a list", '{"events":{"id":"1"}}'],
    ["not JSON", '{"events":['],
  ])("a wholly malformed body (%s) is a 400", async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
  });
});

describe("each event is validated on its own", () => {
  test("bad events are rejected with their index, id and reason; the rest are recorded", async () => {
    const before = await getMetricsSnapshot();
    const events = [
      order(),
      { id: "e-type", type: "order.cancelled", timestamp: ago(0) },
      { type: "order.created", timestamp: ago(0) },
      { id: "e-status", type: "whatsapp.message", status: "read", timestamp: ago(0) },
      { id: "e-duration", type: "job.failed", queue: "credit-score", durationMs: -5, timestamp: ago(0) },
      { id: "e-queue", type: "job.completed", queue: "credit score", durationMs: 5, timestamp: ago(0) },
      { id: "e-time", type: "order.created", timestamp: "yesterday" },
      { id: "e-old", type: "order.created", timestamp: ago(31 * 24 * 60 * MINUTE) },
      { id: "e-future", type: "order.created", timestamp: new Date(Date.now() + 6 * MINUTE).toISOString() },
      "not an event",
      { id: "e-unobserved", type: "job.completed", queue: "made-up-queue", durationMs: 5, timestamp: ago(0) },
      { id: randomUUID(), type: "whatsapp.message", status: "failed", error: "number not on WhatsApp", timestamp: ago(0) },
      { id: randomUUID(), type: "job.failed", queue: "credit-score", durationMs: 950, error: "bureau timeout", timestamp: ago(MINUTE) },
      order(new Date(Date.now() + 4 * MINUTE).toISOString()),
    ];
    const response = await post({ events });
    expect(response.status).toBe(202);
    const result = await response.json();
    expect(result).toMatchObject({ accepted: 4, rejected: 10, duplicates: 0 });
    expect(result.errors.map((e: { index: number; id: string | null }) => [e.index, e.id])).toEqual([
      [1, "e-type"],
      [2, null],
      [3, "e-status"],
      [4, "e-duration"],
      [5, "e-queue"],
      [6, "e-time"],
      [7, "e-old"],
      [8, "e-future"],
      [9, null],
      [10, "e-unobserved"],
    ]);
    const reasons = result.errors.map((e: { reason: string }) => e.reason);
    expect(reasons[0]).toContain("expected type order.created");
    expect(reasons[1]).toMatch(/^id: /);
    expect(reasons[2]).toMatch(/^status: /);
    expect(reasons[3]).toMatch(/^durationMs: /);
    expect(reasons[4]).toMatch(/^queue: /);
    expect(reasons[5]).toContain("ISO 8601");
    expect(reasons[6]).toBe("timestamp: older than the retention window of 30 days");
    expect(reasons[7]).toBe("timestamp: more than 5 minutes in the future");
    expect(reasons[9]).toBe("queue: made-up-queue is not observed; add it to MONITORING_QUEUES");

    // The order 4 minutes ahead (clock drift) is accepted, and counts once its minute comes.
    const after = await getMetricsSnapshot();
    expect(after.orders.today - before.orders.today).toBe(1);
    expect(after.whatsapp.failed - before.whatsapp.failed).toBe(1);
    expect(after.jobs.failed - before.jobs.failed).toBe(1);
  });

  test("an id with a NUL byte or an unpaired surrogate is that event's 400-style error; the batch's other events count", async () => {
    const before = (await getMetricsSnapshot()).orders.today;
    const unstorable = ["ord\u00001", "ord-\ud800", "ord-\udc00-x", "\udfff\ud800"];
    const good = [order(), order()];
    const response = await post({ events: [...unstorable.map((id) => ({ ...order(), id })), ...good] });
    expect(response.status).toBe(202);
    const result = await response.json();
    expect(result).toMatchObject({ accepted: 2, rejected: 4, duplicates: 0 });
    expect(result.errors.map((e: { index: number; reason: string }) => [e.index, e.reason])).toEqual(
      unstorable.map((_, index) => [index, "id: must not contain NUL bytes or unpaired surrogates"]),
    );
    expect((await getMetricsSnapshot()).orders.today - before).toBe(2);
    expect(await db.ingestedEvent.count({ where: { id: { startsWith: "ord" } } })).toBe(0);
  });

  test("ids differing only in a properly paired astral character stay distinct events", async () => {
    const response = await post({ events: [{ ...order(), id: "ord-\ud83d\ude00" }, { ...order(), id: "ord-\ud83d\ude01" }] });
    expect(await response.json()).toMatchObject({ accepted: 2, rejected: 0 });
  });

  test("an event is counted at its own time, not at arrival", async () => {
    const before = await getMetricsSnapshot();
    const response = await post({ events: [{ id: randomUUID(), type: "job.completed", queue: "recovery", durationMs: 30, timestamp: ago(90 * MINUTE) }] });
    expect((await response.json()).accepted).toBe(1);
    expect((await getMetricsSnapshot()).jobs.total).toBe(before.jobs.total);
  });
});

describe("duplicate event ids count once", () => {
  test("within a batch and across concurrent retries of the same batch", async () => {
    const before = (await getMetricsSnapshot()).orders.today;
    const batch = Array.from({ length: 200 }, () => order());
    const withRepeat = { events: [...batch, batch[0], batch[1]] };
    const results = await Promise.all(Array.from({ length: 5 }, async () => (await post(withRepeat)).json()));
    expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(200);
    expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(5 * 202 - 200);
    expect((await getMetricsSnapshot()).orders.today - before).toBe(200);

    const retried = await (await post({ events: batch })).json();
    expect(retried).toMatchObject({ accepted: 0, duplicates: 200 });
    expect((await getMetricsSnapshot()).orders.today - before).toBe(200);
  });

  test("ids are forgotten a day later, and count again", async () => {
    const event = order();
    const sentAt = new Date();
    expect(await recordEvents(db, [event], { now: sentAt })).toMatchObject({ accepted: 1 });
    expect(await forgetExpiredEventIds(db, new Date(sentAt.getTime() + 23 * 60 * MINUTE))).toBe(0);
    expect(await recordEvents(db, [event], { now: sentAt })).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await forgetExpiredEventIds(db, new Date(sentAt.getTime() + 25 * 60 * MINUTE))).toBeGreaterThanOrEqual(1);
    expect(await recordEvents(db, [event], { now: sentAt })).toMatchObject({ accepted: 1 });
  });
});

// The platform's services report through the ingest API; each event moves its figure.
describe("events reported by platform services move the metrics", () => {
  test.each([
    ["an order moves orders.today", order(), (s: Snapshot) => s.orders.today],
    ["a WhatsApp message moves whatsapp.total", { id: randomUUID(), type: "whatsapp.message", status: "sent", timestamp: ago(0) }, (s: Snapshot) => s.whatsapp.total],
    ["a job moves jobs.total", { id: randomUUID(), type: "job.completed", queue: "credit-score", durationMs: 120, timestamp: ago(0) }, (s: Snapshot) => s.jobs.total],
  ])("%s", async (_name, event, figure) => {
    const before = figure(await getMetricsSnapshot());
    expect((await post({ events: [event] })).status).toBe(202);
    expect(figure(await getMetricsSnapshot())).toBe(before + 1);
  });
});

type Snapshot = Awaited<ReturnType<typeof getMetricsSnapshot>>;
