import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Redis } from "ioredis";
import { getConfig } from "../config";
import { getLogger } from "../logger";
import { getRedis } from "../redis";
import { AdvisoryLease } from "./advisory-lease";
import { BURST_CHANNEL } from "./burst-relay";
import { noteActivity } from "./bursts";
import type { LeaderSource } from "./current-leader";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { withTimeout } from "../timeout";
import { processSlot } from "../runtime/process-slot";

export interface Leadership {
  /** True while this instance may run the singleton work (evaluator, snapshots, retention). */
  isLeader(): boolean;
}

interface TickingLease extends Leadership {
  readonly leaseMs: number;
  /** Waits (at most `limitMs`) for a connection in progress, so the first claim is not lost to it. */
  connected(limitMs: number): Promise<void>;
  tick(): Promise<void>;
  release(): Promise<void>;
}

export const LEASE_MS = 10_000;
const FIRST_CLAIM_WAIT_MS = 2000;

// Renews or releases the lease only while this holder still owns it (compare-and-set).
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

interface LeaseCommands {
  khaachoRenewLease(key: string, holder: string, leaseMs: number): Promise<number>;
  khaachoReleaseLease(key: string, holder: string): Promise<number>;
}

export interface LeaseOptions {
  /** Null without Redis: the process is then the only instance, and leader. */
  client: Redis | null;
  prefix: string;
  leaseMs?: number;
  now?: () => number;
  onChange?: (leader: boolean) => void;
}

/**
 * A renewable lease in Redis (SET NX PX). The holder renews it every third of a lease; when it
 * dies the key expires and another instance claims it at its next tick, well within two leases.
 * This process believes it leads only until its last renewal's lease would end, so it steps down
 * before the key can expire and another instance take over.
 */
export class RedisLease implements TickingLease {
  private readonly holder = `${getConfig().instance}:${process.pid}:${randomUUID()}`;
  private readonly key: string;
  readonly leaseMs: number;
  private readonly now: () => number;
  private validUntil = 0;

  constructor(private readonly options: LeaseOptions) {
    this.key = `${options.prefix}leader`;
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.now = options.now ?? Date.now;
    options.client?.defineCommand("khaachoRenewLease", { numberOfKeys: 1, lua: RENEW });
    options.client?.defineCommand("khaachoReleaseLease", { numberOfKeys: 1, lua: RELEASE });
  }

  isLeader(): boolean {
    return !this.options.client || this.now() < this.validUntil;
  }

  async connected(limitMs: number): Promise<void> {
    const client = this.options.client;
    if (!client || client.status === "ready") return;
    await withTimeout(once(client, "ready"), limitMs, "Redis").catch(() => {});
  }

  /** Claims the lease when free, or renews it when held. */
  async tick(): Promise<void> {
    const client = this.options.client;
    if (!client) return;
    const wasLeader = this.isLeader();
    const startedAt = this.now();
    const held = wasLeader
      ? (await (client as unknown as LeaseCommands).khaachoRenewLease(this.key, this.holder, this.leaseMs)) === 1
      : (await client.set(this.key, this.holder, "PX", this.leaseMs, "NX")) === "OK";
    this.validUntil = held ? startedAt + this.leaseMs : 0;
    if (held !== wasLeader) this.options.onChange?.(held);
  }

  /** Gives the lease up at shutdown, so another instance need not wait for it to expire. */
  async release(): Promise<void> {
    const client = this.options.client;
    if (!client || !this.isLeader()) return;
    this.validUntil = 0;
    await (client as unknown as LeaseCommands).khaachoReleaseLease(this.key, this.holder);
  }
}

/**
 * Who leads: the holder of the PostgreSQL advisory lock. PostgreSQL is the source of truth and
 * always needed for the leader's work, while Redis is optional, so a Redis outage changes nothing
 * and there is no second lease to disagree with when Redis returns. Only while this instance
 * cannot reach PostgreSQL does the Redis lease decide (always yes without Redis): then the leader's
 * one job that still works is telling the channels of the outage, and once per outage is enough.
 */
export class InstanceLeadership implements TickingLease {
  readonly leaseMs: number;
  private leading = false;

  constructor(
    private readonly database: AdvisoryLease,
    private readonly fallback: RedisLease,
    private readonly onChange?: (leader: boolean) => void,
  ) {
    this.leaseMs = Math.min(database.leaseMs, fallback.leaseMs);
  }

  connected(limitMs: number): Promise<void> {
    return this.fallback.connected(limitMs);
  }

  isLeader(): boolean {
    return this.database.isLeader() || (!this.database.reachable && this.fallback.isLeader());
  }

  /** Ticks both leases; fails (for the loop to log once) only when PostgreSQL could not be reached. */
  async tick(): Promise<void> {
    const [database] = await Promise.allSettled([this.database.tick(), this.fallback.tick()]);
    const leading = this.isLeader();
    if (leading !== this.leading) this.onChange?.(leading);
    this.leading = leading;
    if (database.status === "rejected") throw database.reason;
  }

  async release(): Promise<void> {
    await Promise.allSettled([this.database.release(), this.fallback.release()]);
  }
}

// One per process: the evaluator may ask from another bundle of the same process.
const lease = processSlot<TickingLease>("leadership", () => {
  const logger = getLogger("leadership");
  const config = getConfig();
  const onChange = (leader: boolean) => logger.info(leader ? "This instance is now the leader" : "This instance is no longer the leader");
  const redis = getRedis();
  const redisLease = new RedisLease({ client: redis.client, prefix: "khaacho:" });
  // Without Redis the instance runs alone (its counters are its own) and simply leads.
  return config.databaseUrl && redis.enabled
    ? new InstanceLeadership(
        new AdvisoryLease({
          connectionString: config.databaseUrl,
          instance: config.instance,
          leaseMs: LEASE_MS,
          listen: { channel: BURST_CHANNEL, onNotification: () => noteActivity("orders") },
        }),
        redisLease,
        onChange,
      )
    : redisLease;
});

function getLease(): TickingLease {
  return lease.get();
}

export function getLeadership(): Leadership {
  return getLease();
}

/** Where health asks who leads. */
export function leaderSource(): LeaderSource {
  return { leadership: getLease(), instance: getConfig().instance };
}

/** Claims and keeps the lease; without Redis the process simply leads. */
export function leadershipService(lease: TickingLease = getLease()): BackgroundService {
  let loop: Loop | undefined;
  const logger = getLogger("leadership");
  return {
    name: "leadership",
    async start() {
      // A first claim before the other services start, so a lone instance leads from its first minute.
      await lease.connected(FIRST_CLAIM_WAIT_MS);
      await lease.tick().catch(() => {});
      loop = startLoop({ name: "Leadership lease", intervalMs: Math.floor(lease.leaseMs / 3), logger, run: () => lease.tick() });
    },
    async stop() {
      await loop?.stop();
      await lease.release().catch(() => {});
    },
  };
}
