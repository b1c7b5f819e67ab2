import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import type { MonitorEvent } from "./events";
import { MonitorClient, type MonitorClientOptions } from "./monitor-client";

type Reply = { status: number; headers?: Record<string, string> } | "hang-up";

/** A local stand-in for the ingest endpoint: records each request and answers from a script. */
async function fakeMonitor(script: Reply[] = []) {
  const requests: Array<{ authorization?: string; events: MonitorEvent[] }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const events = (JSON.parse(body) as { events: MonitorEvent[] }).events;
      requests.push({ authorization: req.headers.authorization, events });
      const reply = script.shift() ?? { status: 202 };
      if (reply === "hang-up") return req.socket.destroy();
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.status === 202 ? { accepted: events.length, rejected: 0, duplicates: 0, errors: [] } : { error: { code: "x", message: `status ${reply.status}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { baseUrl, requests, sentIds: () => requests.flatMap((r) => r.events.map((e) => e.id)) };
}

const servers: http.Server[] = [];
const clients: MonitorClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

function client(baseUrl: string, options: Partial<MonitorClientOptions> = {}) {
  const errors: string[] = [];
  const made = new MonitorClient({ baseUrl, token: "kmon_test", flushIntervalMs: 3_600_000, retryBaseMs: 1, onError: (e) => errors.push(e.message), ...options });
  clients.push(made);
  return Object.assign(made, { errors });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("batching", () => {
  test("sends a full batch at once and the rest on flush, each event once with its own id and time", async () => {
    const monitor = await fakeMonitor();
    const c = client(monitor.baseUrl, { batchSize: 3 });
    const at = new Date("2026-02-08T10:00:00Z");
    c.orderCreated(at);
    c.whatsappMessage("failed", { error: "x".repeat(5000) });
    c.jobCompleted("credit-score", 120);
    c.jobFailed("recovery", 950, { error: "timeout" });
    await until(() => monitor.requests.length === 1);
    expect(monitor.requests[0].events.map((e) => e.type)).toEqual(["order.created", "whatsapp.message", "job.completed"]);
    expect(monitor.requests[0].authorization).toBe("Bearer kmon_test");
    expect(monitor.requests[0].events[0].timestamp).toBe("2026-02-08T10:00:00.000Z");
    expect(monitor.requests[0].events[1]).toMatchObject({ status: "failed", error: "x".repeat(500) });

    await c.flush();
    expect(monitor.requests[1].events).toEqual([expect.objectContaining({ type: "job.failed", queue: "recovery", durationMs: 950, error: "timeout" })]);
    expect(new Set(monitor.sentIds()).size).toBe(4);
    expect(c.stats()).toEqual({ delivered: 4, rejected: 0, dropped: 0, buffered: 0 });
  });

  test("sends on the interval without a full batch", async () => {
    const monitor = await fakeMonitor();
    const c = client(monitor.baseUrl, { batchSize: 100, flushIntervalMs: 20 });
    c.orderCreated();
    await until(() => monitor.requests.length === 1);
    expect(monitor.requests[0].events).toHaveLength(1);
  });
});

describe("retries", () => {
  test("network errors, 429 and 5xx are retried with the same event ids until delivered", async () => {
    const monitor = await fakeMonitor([{ status: 503 }, "hang-up", { status: 429, headers: { "retry-after": "0" } }, { status: 500 }]);
    const c = client(monitor.baseUrl, { maxRetries: 5 });
    c.orderCreated();
    c.orderCreated();
    await c.flush();
    expect(monitor.requests).toHaveLength(5);
    const firstIds = monitor.requests[0].events.map((e) => e.id);
    for (const request of monitor.requests) expect(request.events.map((e) => e.id)).toEqual(firstIds);
    expect(c.stats()).toMatchObject({ delivered: 2, buffered: 0 });
  });

  test("a 4xx is not retried: the batch is reported and given up", async () => {
    const monitor = await fakeMonitor([{ status: 401 }]);
    const c = client(monitor.baseUrl);
    c.orderCreated();
    await c.flush();
    expect(monitor.requests).toHaveLength(1);
    expect(c.stats()).toMatchObject({ delivered: 0, rejected: 1, buffered: 0 });
    expect(c.errors[0]).toContain("refused 1 events: HTTP 401: status 401");
  });

  test("when retries run out the events stay buffered for the next flush", async () => {
    const monitor = await fakeMonitor([{ status: 503 }, { status: 503 }, { status: 503 }]);
    const c = client(monitor.baseUrl, { maxRetries: 2 });
    c.orderCreated();
    await c.flush();
    expect(monitor.requests).toHaveLength(3);
    expect(c.stats()).toMatchObject({ delivered: 0, buffered: 1 });
    await c.flush();
    expect(monitor.requests).toHaveLength(4);
    expect(monitor.requests[3].events[0].id).toBe(monitor.requests[0].events[0].id);
    expect(c.stats()).toMatchObject({ delivered: 1, buffered: 0 });
  });
});

describe("the buffer", () => {
  test("keeps at most maxBufferedEvents, dropping the oldest and counting them", async () => {
    const monitor = await fakeMonitor([{ status: 503 }]);
    const c = client(monitor.baseUrl, { batchSize: 5, maxBufferedEvents: 10, maxRetries: 0 });
    for (let minute = 0; minute < 5; minute++) c.orderCreated(new Date(Date.UTC(2026, 1, 8, 10, minute)));
    await c.flush(); // the monitor is down: the first five stay buffered
    for (let minute = 5; minute < 25; minute++) c.orderCreated(new Date(Date.UTC(2026, 1, 8, 10, minute)));
    await c.flush();
    expect(c.dropped).toBe(15);
    const delivered = monitor.requests.slice(1).flatMap((r) => r.events.map((e) => e.timestamp.slice(11, 16)));
    expect(delivered).toEqual(["10:15", "10:16", "10:17", "10:18", "10:19", "10:20", "10:21", "10:22", "10:23", "10:24"]);
  });
});

describe("shutdown", () => {
  test("close() gives up on an unreachable monitor after closeTimeoutMs, counting what it could not send as dropped", async () => {
    const monitor = await fakeMonitor(Array.from({ length: 100 }, () => ({ status: 503 })));
    const c = client(monitor.baseUrl, { batchSize: 2, retryBaseMs: 60_000, closeTimeoutMs: 50 });
    c.orderCreated();
    c.orderCreated();
    // The full batch went out and met a 503: the client now waits a minute before retrying.
    await until(() => monitor.requests.length === 1);
    await c.close();
    expect(monitor.requests).toHaveLength(1);
    expect(c.stats()).toEqual({ delivered: 0, rejected: 0, dropped: 2, buffered: 0 });
  });

  test("close() also cuts short a request the monitor never answers", async () => {
    let received = 0;
    const silent = http.createServer(() => received++);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    servers.push(silent);
    const c = client(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, { batchSize: 1, retryBaseMs: 60_000, closeTimeoutMs: 50 });
    c.orderCreated();
    await until(() => received === 1);
    await c.close();
    expect(c.stats()).toMatchObject({ delivered: 0, dropped: 1 });
  });

  test("close() sends what is buffered; events after it are dropped and counted", async () => {
    const monitor = await fakeMonitor();
    const c = client(monitor.baseUrl, { batchSize: 100 });
    for (let i = 0; i < 7; i++) c.orderCreated();
    await c.close();
    expect(monitor.sentIds()).toHaveLength(7);
    c.orderCreated();
    expect(c.stats()).toMatchObject({ delivered: 7, dropped: 1, buffered: 0 });
  });
});

describe("heartbeat", () => {
  test("given a service name, sends a heartbeat at once and on every interval, and none after close()", async () => {
    const monitor = await fakeMonitor();
    const c = client(monitor.baseUrl, { service: "order-service", heartbeatIntervalMs: 20 });
    const heartbeats = () => monitor.requests.flatMap((r) => r.events).filter((e) => e.type === "service.heartbeat");
    await until(() => heartbeats().length >= 3);
    expect(heartbeats()[0]).toMatchObject({ type: "service.heartbeat", service: "order-service" });
    expect(new Set(heartbeats().map((e) => e.id)).size).toBe(heartbeats().length);
    await c.close();
    const atClose = heartbeats().length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heartbeats().length).toBe(atClose);
    expect(c.stats().dropped).toBe(0);
  });

  test("sends no heartbeat without a service name", async () => {
    const monitor = await fakeMonitor();
    const c = client(monitor.baseUrl, { heartbeatIntervalMs: 5 });
    c.orderCreated();
    await c.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(monitor.requests.flatMap((r) => r.events).map((e) => e.type)).toEqual(["order.created"]);
  });

  test("refuses a service name the monitor would reject", async () => {
    const monitor = await fakeMonitor();
    expect(() => new MonitorClient({ baseUrl: monitor.baseUrl, token: "t", service: "Order Service" })).toThrow(/Invalid service name/);
  });
});
