import { afterAll, expect, test } from "vitest";
import { Lease } from "../../../lib/monitoring/leadership";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { whenReady } from "./redis-server";

const LEASE_MS = 300;
const handles: RedisHandle[] = [];

afterAll(async () => {
  for (const handle of handles) await handle.close();
});

// Each instance has its own connection, as separate processes would.
async function instance(prefix: string, leaseMs = LEASE_MS): Promise<Lease> {
  const handle = createRedis(TEST_REDIS_URL);
  handles.push(handle);
  await whenReady(handle);
  return new Lease({ client: handle.client, prefix, leaseMs });
}

async function tickUntil(lease: Lease, leader: boolean, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (lease.isLeader() !== leader && Date.now() < deadline) {
    await lease.tick();
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 3));
  }
}

test("of two instances on one lease exactly one leads, and renewing keeps it", async () => {
  const prefix = uniqueRedisPrefix();
  // A longer lease here, so a slow tick on a busy machine cannot let it lapse between renewals.
  const leaseMs = 1000;
  const [a, b] = await Promise.all([instance(prefix, leaseMs), instance(prefix, leaseMs)]);
  await Promise.all([a.tick(), b.tick()]);
  expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);

  // Renewed for longer than one lease in all.
  const [leader, follower] = a.isLeader() ? [a, b] : [b, a];
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, leaseMs / 4));
    await Promise.all([leader.tick(), follower.tick()]);
    expect(leader.isLeader()).toBe(true);
    expect(follower.isLeader()).toBe(false);
  }
});

test("another instance takes over once the holder stops renewing", async () => {
  const prefix = uniqueRedisPrefix();
  const [holder, standby] = await Promise.all([instance(prefix), instance(prefix)]);
  await holder.tick();
  await standby.tick();
  expect(holder.isLeader()).toBe(true);
  expect(standby.isLeader()).toBe(false);

  // The holder dies: no more ticks. Its own belief ends with its lease, before the key expires.
  await tickUntil(standby, true);
  expect(standby.isLeader()).toBe(true);
  expect(holder.isLeader()).toBe(false);

  // Back from the dead, the old holder cannot claim the lease the standby now renews.
  await holder.tick();
  expect(holder.isLeader()).toBe(false);
});

test("a released lease is taken at the next tick", async () => {
  const prefix = uniqueRedisPrefix();
  const [holder, standby] = await Promise.all([instance(prefix), instance(prefix)]);
  await holder.tick();
  await holder.release();
  await standby.tick();
  expect(holder.isLeader()).toBe(false);
  expect(standby.isLeader()).toBe(true);
});

test("without Redis the process is the leader", async () => {
  const lease = new Lease({ client: null, prefix: uniqueRedisPrefix() });
  await lease.tick();
  expect(lease.isLeader()).toBe(true);
});
