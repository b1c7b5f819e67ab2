import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { checkHealth } from "../../lib/health";
import { AdvisoryLease } from "../../lib/monitoring/advisory-lease";
import { createRedis, type RedisHandle } from "../../lib/redis";
import { createMigratedDatabase, type TestDatabase } from "../support/database";
import { CLOSED_PORT, TEST_REDIS_URL } from "../support/redis";

let database: TestDatabase;
// Connected once up front: a first connection on a loaded machine can outlast the probe's bound.
let reachableDb: Db;
let hangingServer: net.Server;
let hangingPort: number;
const opened: Array<{ close(): Promise<void> }> = [];

// A server that accepts connections and never answers: a dependency that hangs.
beforeAll(async () => {
  database = await createMigratedDatabase();
  reachableDb = db(database.url);
  await reachableDb.$queryRaw`SELECT 1`;
  hangingServer = net.createServer(() => {});
  await new Promise<void>((resolve) => hangingServer.listen(0, "127.0.0.1", resolve));
  hangingPort = (hangingServer.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const handle of opened) await handle.close();
  hangingServer.close();
  await database.drop();
});

function db(url: string): Db {
  const client = createDb(url);
  opened.push({ close: () => client.$disconnect() });
  return client;
}

function redis(url: string | undefined): RedisHandle {
  const handle = createRedis(url);
  opened.push(handle);
  return handle;
}

// This process leads; the last tests ask a process that does not.
const leading = { leadership: { isLeader: () => true }, instance: "web-1" };
const following = { leadership: { isLeader: () => false }, instance: "web-2" };

const unreachablePostgres = `postgresql://postgres@127.0.0.1:${CLOSED_PORT}/test`;

describe("checkHealth", () => {
  test("healthy when PostgreSQL and Redis answer", async () => {
    const report = await checkHealth(reachableDb, redis(TEST_REDIS_URL), leading);
    expect(report).toMatchObject({ status: "healthy", database: "connected", redis: "connected", leader: "web-1" });
    expect(Object.keys(report).sort()).toEqual(["database", "leader", "memory", "redis", "status", "timestamp", "uptime"]);
    expect(new Date(report.timestamp).toISOString()).toBe(report.timestamp);
    expect(report.memory.used).toBeGreaterThan(0);
    expect(report.memory.total).toBeGreaterThan(report.memory.used);
    expect(report.memory.percentage).toBeCloseTo((report.memory.used / report.memory.total) * 100, 0);
  });

  test("healthy with redis disabled when REDIS_URL is absent", async () => {
    expect(await checkHealth(reachableDb, redis(undefined), leading)).toMatchObject({ status: "healthy", redis: "disabled" });
  });

  test("degraded when only Redis is unreachable", async () => {
    const report = await checkHealth(reachableDb, redis(`redis://127.0.0.1:${CLOSED_PORT}`), leading);
    expect(report).toMatchObject({ status: "degraded", database: "connected", redis: "disconnected" });
  });

  test("unhealthy when PostgreSQL is unreachable", async () => {
    const report = await checkHealth(db(unreachablePostgres), redis(TEST_REDIS_URL), leading);
    expect(report).toMatchObject({ status: "unhealthy", database: "disconnected", redis: "connected" });
  });

  test("answers even when both dependencies hang", async () => {
    const report = await checkHealth(db(`postgresql://postgres@127.0.0.1:${hangingPort}/test`), redis(`redis://127.0.0.1:${hangingPort}`), leading);
    expect(report).toMatchObject({ status: "unhealthy", database: "disconnected", redis: "disconnected" });
  });

  test("recovers without a restart once PostgreSQL answers again", async () => {
    const proxy = net.createServer();
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    proxy.close();
    const client = db(database.url.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`));
    const redisHandle = redis(undefined);
    expect((await checkHealth(client, redisHandle, leading)).status).toBe("unhealthy");

    const target = new URL(database.url);
    const forwarder = net.createServer((socket) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((resolve) => forwarder.listen(port, "127.0.0.1", resolve));
    try {
      expect((await checkHealth(client, redisHandle, leading)).status).toBe("healthy");
    } finally {
      await client.$disconnect();
      forwarder.close();
    }
  });

  test("names the instance whose connection holds the leader lock", async () => {
    const lease = new AdvisoryLease({ connectionString: database.url, instance: "web-7", leaseMs: 10_000 });
    try {
      await lease.tick();
      expect(await checkHealth(db(database.url), redis(undefined), following)).toMatchObject({ status: "healthy", leader: "web-7" });
    } finally {
      await lease.release();
    }
  });

  test("degraded, with no leader named, when no instance leads", async () => {
    expect(await checkHealth(db(database.url), redis(undefined), following)).toMatchObject({ status: "degraded", database: "connected", leader: null });
  });
});
