import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { AdvisoryLease } from "../../../lib/monitoring/advisory-lease";
import { InstanceLeadership, RedisLease } from "../../../lib/monitoring/leadership";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { postgresTarget, startFreezableProxy } from "../../support/freezable-proxy";
import { CLOSED_PORT, TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { whenReady } from "./redis-server";

const LEASE_MS = 300;
// The database lease must connect and answer within a third of itself: long enough for a busy machine.
const DATABASE_LEASE_MS = 3000;
const handles: RedisHandle[] = [];
const leases: AdvisoryLease[] = [];
let database: TestDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase();
});

// Every test starts with the lock free.
afterEach(async () => {
  for (const lease of leases.splice(0)) await lease.release();
});

afterAll(async () => {
  for (const handle of handles) await handle.close();
  await database.drop();
});

// Each lease reads a clock the test sets, so a stall of the test machine between a tick and the
// check after it cannot make a lease look lapsed.
function testClock() {
  const clock = { at: Date.now(), now: () => clock.at, sync: () => (clock.at = Date.now()) };
  return clock;
}

// Each instance has its own connection, as separate processes would.
async function redisInstance(prefix: string, leaseMs = LEASE_MS, clock = testClock()): Promise<{ lease: RedisLease; clock: ReturnType<typeof testClock> }> {
  const handle = createRedis(TEST_REDIS_URL);
  handles.push(handle);
  await whenReady(handle);
  return { lease: new RedisLease({ client: handle.client, prefix, leaseMs, now: clock.now }), clock };
}

let instances = 0;

function databaseInstance(connectionString = database.url, clock = testClock()): { lease: AdvisoryLease; clock: ReturnType<typeof testClock>; name: string } {
  const name = `test-${++instances}`;
  const lease = new AdvisoryLease({ connectionString, instance: name, leaseMs: DATABASE_LEASE_MS, now: clock.now });
  leases.push(lease);
  return { lease, clock, name };
}

async function tickUntil({ lease, clock }: { lease: { tick(): Promise<void>; isLeader(): boolean }; clock: ReturnType<typeof testClock> }, leader: boolean, limitMs = 10_000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    clock.sync();
    await lease.tick().catch(() => {});
    if (lease.isLeader() === leader || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 3));
  }
}

test("Redis lease: of two instances exactly one leads, and renewing keeps it", async () => {
  const prefix = uniqueRedisPrefix();
  // The key itself expires in real time: a longer lease, so a stalled machine cannot let it lapse between renewals.
  const [a, b] = await Promise.all([redisInstance(prefix, 5000), redisInstance(prefix, 5000)]);
  await Promise.all([a.lease.tick(), b.lease.tick()]);
  expect([a.lease.isLeader(), b.lease.isLeader()].filter(Boolean)).toHaveLength(1);

  const [leader, follower] = a.lease.isLeader() ? [a, b] : [b, a];
  for (let i = 0; i < 6; i++) {
    leader.clock.sync();
    follower.clock.sync();
    await Promise.all([leader.lease.tick(), follower.lease.tick()]);
    expect(leader.lease.isLeader()).toBe(true);
    expect(follower.lease.isLeader()).toBe(false);
  }
});

test("Redis lease: another instance takes over once the holder stops renewing", async () => {
  const prefix = uniqueRedisPrefix();
  const [holder, standby] = await Promise.all([redisInstance(prefix), redisInstance(prefix)]);
  await holder.lease.tick();
  await standby.lease.tick();
  expect(holder.lease.isLeader()).toBe(true);
  expect(standby.lease.isLeader()).toBe(false);

  // The holder dies: no more ticks. Its own belief ends with its lease, before the key expires.
  await tickUntil(standby, true);
  expect(standby.lease.isLeader()).toBe(true);
  holder.clock.at += LEASE_MS;
  expect(holder.lease.isLeader()).toBe(false);

  // Back from the dead, the old holder cannot claim the lease the standby now renews.
  await holder.lease.tick();
  expect(holder.lease.isLeader()).toBe(false);
});

test("Redis lease: a released lease is taken at the next tick", async () => {
  const prefix = uniqueRedisPrefix();
  const [holder, standby] = await Promise.all([redisInstance(prefix), redisInstance(prefix)]);
  await holder.lease.tick();
  await holder.lease.release();
  await standby.lease.tick();
  expect(holder.lease.isLeader()).toBe(false);
  expect(standby.lease.isLeader()).toBe(true);
});

test("Redis lease: without Redis the process is the leader", async () => {
  const lease = new RedisLease({ client: null, prefix: uniqueRedisPrefix() });
  await lease.tick();
  expect(lease.isLeader()).toBe(true);
});

test("advisory lock: of two instances exactly one leads, and keeps leading", async () => {
  const [a, b] = [databaseInstance(), databaseInstance()];
  await Promise.all([a.lease.tick(), b.lease.tick()]);
  expect([a.lease.isLeader(), b.lease.isLeader()].filter(Boolean)).toHaveLength(1);
  const [leader, follower] = a.lease.isLeader() ? [a, b] : [b, a];
  for (let i = 0; i < 4; i++) {
    leader.clock.sync();
    follower.clock.sync();
    await Promise.all([leader.lease.tick(), follower.lease.tick()]);
    expect([leader.lease.isLeader(), follower.lease.isLeader()]).toEqual([true, false]);
  }
  await leader.lease.release();
  await tickUntil(follower, true);
  expect(follower.lease.isLeader()).toBe(true);
});

test("advisory lock: when the leader's connection is closed by the server, another instance takes over", async () => {
  const [holder, standby] = [databaseInstance(), databaseInstance()];
  await holder.lease.tick();
  await standby.lease.tick();
  expect([holder.lease.isLeader(), standby.lease.isLeader()]).toEqual([true, false]);

  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [`khaacho-leader:${holder.name}`]);
  await admin.end();
  expect(rowCount).toBe(1);

  await tickUntil(standby, true);
  expect(standby.lease.isLeader()).toBe(true);
  holder.clock.sync();
  await holder.lease.tick().catch(() => {});
  expect(holder.lease.isLeader()).toBe(false);
});

test("advisory lock: a leader whose database stops answering steps down within a lease", async () => {
  const proxy = await startFreezableProxy(postgresTarget(database.url));
  try {
    const frozen = databaseInstance(proxy.via(database.url));
    await frozen.lease.tick();
    expect(frozen.lease.isLeader()).toBe(true);
    proxy.freeze();
    frozen.clock.sync();
    await expect(frozen.lease.tick()).rejects.toThrow(/did not answer/);
    expect(frozen.lease.isLeader()).toBe(false);
    expect(frozen.lease.reachable).toBe(false);
  } finally {
    await proxy.close();
  }
});

test("instance leadership: a Redis outage leaves the database lock in charge", async () => {
  const downRedis = createRedis(`redis://127.0.0.1:${CLOSED_PORT}`);
  handles.push(downRedis);
  const prefix = uniqueRedisPrefix();
  const [a, b] = [databaseInstance(), databaseInstance()].map(({ lease }) => new InstanceLeadership(lease, new RedisLease({ client: downRedis.client, prefix, leaseMs: DATABASE_LEASE_MS })));
  await Promise.all([a.tick(), b.tick()]);
  expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);
  await Promise.all([a.release(), b.release()]);
});

test("instance leadership: while PostgreSQL is unreachable, the Redis lease picks one instance", async () => {
  const prefix = uniqueRedisPrefix();
  const unreachable = `postgresql://postgres@127.0.0.1:${CLOSED_PORT}/none`;
  const instances = await Promise.all([0, 1].map(async () => {
    const { lease: redisLease } = await redisInstance(prefix);
    return new InstanceLeadership(databaseInstance(unreachable).lease, redisLease);
  }));
  for (const instance of instances) await expect(instance.tick()).rejects.toThrow();
  expect(instances.map((instance) => instance.isLeader()).filter(Boolean)).toHaveLength(1);
});
