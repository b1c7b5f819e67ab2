import pg from "pg";
import { withTimeout } from "../timeout";

// The leader lock's key, the same in every instance ("khaach" in ASCII); pg_locks shows its upper
// and lower 32 bits as classid and objid.
export const LEADER_LOCK_KEY = 0x6b6861616368n;
export const LEADER_APPLICATION_PREFIX = "khaacho-leader:";

export interface AdvisoryLeaseOptions {
  connectionString: string;
  instance: string;
  leaseMs: number;
  now?: () => number;
  /** A NOTIFY channel heard on the lock's connection, passed on only while this process leads. */
  listen?: { channel: string; onNotification: () => void };
}

/**
 * Leadership as a PostgreSQL session-level advisory lock, held on a connection of its own. The
 * server frees the lock the moment that connection closes (the process dies, the server restarts),
 * so another instance takes over at its next tick. Each tick also proves the connection still
 * answers; this process believes it leads only until a lease after its last proof, and drops the
 * connection when a proof fails, so a frozen or partitioned leader steps down rather than leading
 * alongside its successor.
 */
export class AdvisoryLease {
  private client: pg.Client | null = null;
  private holding = false;
  private validUntil = 0;
  private lastTickReached = true;
  private readonly now: () => number;
  readonly leaseMs: number;

  constructor(private readonly options: AdvisoryLeaseOptions) {
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs;
  }

  isLeader(): boolean {
    return this.holding && this.now() < this.validUntil;
  }

  /** False after a tick that could not reach PostgreSQL. */
  get reachable(): boolean {
    return this.lastTickReached;
  }

  /** Claims the lock when free, or proves it is still held. */
  async tick(): Promise<void> {
    const started = this.now();
    try {
      const client = await this.connection();
      if (this.holding) {
        await withTimeout(client.query("SELECT 1"), this.answerWithinMs, "PostgreSQL");
      } else {
        const { rows } = await withTimeout(client.query<{ held: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS held", [LEADER_LOCK_KEY.toString()]), this.answerWithinMs, "PostgreSQL");
        this.holding = rows[0].held;
      }
      this.validUntil = this.holding ? started + this.leaseMs : 0;
      this.lastTickReached = true;
    } catch (error) {
      this.drop();
      this.lastTickReached = false;
      throw error;
    }
  }

  /** Gives the lock up at shutdown, so another instance need not wait for a tick to notice. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.holding = false;
    this.validUntil = 0;
    if (client) await withTimeout(client.end(), this.answerWithinMs, "PostgreSQL").catch(() => destroy(client));
  }

  // A proof must come well within a lease, or the lease could end while this process still leads.
  private get answerWithinMs(): number {
    return Math.max(100, Math.floor(this.leaseMs / 3));
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${LEADER_APPLICATION_PREFIX}${this.options.instance}`.slice(0, 63),
      connectionTimeoutMillis: this.answerWithinMs,
      keepAlive: true,
    });
    client.on("error", () => {
      if (this.client === client) this.drop();
    });
    const listen = this.options.listen;
    if (listen) client.on("notification", () => this.isLeader() && listen.onNotification());
    try {
      await client.connect();
      if (listen) await withTimeout(client.query(`LISTEN ${listen.channel}`), this.answerWithinMs, "PostgreSQL");
    } catch (error) {
      destroy(client);
      throw error;
    }
    this.client = client;
    return client;
  }

  // The lock dies with the session: closing the socket is what hands it on.
  private drop(): void {
    const client = this.client;
    this.client = null;
    this.holding = false;
    this.validUntil = 0;
    if (client) destroy(client);
  }
}

// end() waits for the server's goodbye, which a frozen server never sends.
function destroy(client: pg.Client): void {
  const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  socket?.destroy();
  client.end().catch(() => {});
}
