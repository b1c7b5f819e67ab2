import { randomUUID } from "node:crypto";
import { withTimeout } from "../timeout";
import { type CounterBatch, type CounterStore, type Period, type SharedQuery, claimWriter } from "./counter-store";
import {
  API_LATENCY,
  DB_LATENCY,
  FAMILIES,
  type Family,
  type Fields,
  type JobOutcome,
  ORDERS_FIELD,
  WHATSAPP_FIELDS,
  type WhatsAppStatus,
  add,
  addAll,
  apiRequestField,
  countJob,
  observe,
} from "./fields";
import { MinuteBuckets, emptyFamilies, minuteOf, retentionCutoffs } from "./minute-buckets";

export type ActivityKind = "orders" | "whatsapp";

/**
 * Makes claimed batches final: adds them to the store (null: none) exactly once and forgets the
 * durable record of them; throws, keeping them, when that fails.
 */
export type SettleClaims = (batchIds: string[], store: CounterStore | null) => Promise<void>;

export interface TrackerOptions {
  /** The shared store, looked up at each flush and read; null keeps the figures in this process. */
  store?: () => CounterStore | null;
  now?: () => number;
  /** Told of each order or message, so alert rules can be evaluated at once. */
  onActivity?: (kind: ActivityKind) => void;
  /** How batches recorded with recordClaimed are made final; by default they are only kept here. */
  settleClaims?: SettleClaims;
}

// A shared store that does not answer in time counts as down: reads use this process's figures.
const STORE_TIMEOUT_MS = 1000;
const MAX_SETTLED_PER_FLUSH = 200;

/**
 * Keeps business and latency figures in one-minute buckets. Recording is synchronous and touches
 * only `pending`; flush() seals pending into a batch and adds it to the shared store exactly once
 * (a failed batch is retried with the same sequence number), and keeps this process's own history for reads
 * while the store is unreachable or absent.
 */
export class MetricsTracker {
  private pending = new MinuteBuckets();
  private unacked: CounterBatch | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly writer = randomUUID();
  private sequence = 0;
  private readonly history = new MinuteBuckets();
  private readonly ownTotals = emptyFamilies();
  private readonly store: () => CounterStore | null;
  readonly now: () => number;
  private readonly onActivity?: (kind: ActivityKind) => void;
  private prunedMinute = Number.NaN;
  private readonly claimed = new Map<string, MinuteBuckets>();
  private readonly settleClaims: SettleClaims;

  constructor(options: TrackerOptions = {}) {
    this.store = options.store ?? (() => null);
    this.now = options.now ?? Date.now;
    this.onActivity = options.onActivity;
    this.settleClaims = options.settleClaims ?? (async () => {});
  }

  recordOrderCreated(at = this.now()): void {
    add(this.pending.at(minuteOf(at)).counters, ORDERS_FIELD, 1);
    this.onActivity?.("orders");
  }

  recordWhatsAppMessage(status: WhatsAppStatus, at = this.now()): void {
    add(this.pending.at(minuteOf(at)).counters, WHATSAPP_FIELDS[status], 1);
    this.onActivity?.("whatsapp");
  }

  recordJob(queue: string, outcome: JobOutcome, durationMs: number, at = this.now()): void {
    countJob(this.pending.at(minuteOf(at)).counters, queue, outcome, durationMs);
  }

  /**
   * Counts a batch whose claim is also recorded durably (ingested events): it is read with the
   * other figures at once, and added to the store under its own id by settleClaims at the next flush.
   */
  recordClaimed(batchId: string, counts: MinuteBuckets, activity: readonly ActivityKind[]): void {
    this.claimed.set(batchId, counts);
    for (const kind of activity) this.onActivity?.(kind);
  }

  /** Counts figures another process claimed and never settled, when there is no store to add them to. */
  recordReplayed(counts: MinuteBuckets): void {
    this.keepOwn(counts);
  }

  /** Ids of the claimed batches this process has not settled yet. */
  unsettledClaims(): string[] {
    return [...this.claimed.keys()];
  }

  recordApiRequest(route: string, method: string, status: number, durationMs: number, at = this.now()): void {
    const api = this.pending.at(minuteOf(at)).api;
    add(api, apiRequestField(route, method, status), 1);
    observe(api, API_LATENCY, durationMs);
  }

  /** A request refused before its handler: shown in Prometheus, left out of the API error rate. */
  recordRefusedApiRequest(route: string, method: string, status: number, durationMs: number, at = this.now()): void {
    const api = this.pending.at(minuteOf(at)).api;
    add(api, apiRequestField(route, method, status, "rej"), 1);
    observe(api, API_LATENCY, durationMs);
  }

  recordDbQuery(durationMs: number, at = this.now()): void {
    observe(this.pending.at(minuteOf(at)).database, DB_LATENCY, durationMs);
  }

  /** Whether a flush has anything to send or settle. */
  get hasUnflushed(): boolean {
    return !this.pending.isEmpty || this.unacked !== null || this.claimed.size > 0;
  }

  /** Sends what was recorded since the last successful flush; throws (keeping it) when the store fails. */
  flush(): Promise<void> {
    // One at a time (the flusher's tick, a burst relay, shutdown): two would settle the same
    // claimed batches at once. Each call still sends what was recorded before it.
    const next = this.flushing.catch(() => {}).then(() => this.flushOnce());
    this.flushing = next;
    return next;
  }

  private async flushOnce(): Promise<void> {
    this.seal();
    this.prune();
    const store = this.store();
    if (!store) {
      this.unacked = null;
    } else if (this.unacked) {
      await withTimeout(store.apply(this.unacked, this.now()), STORE_TIMEOUT_MS, "Redis");
      this.unacked = null;
    }
    await this.settleClaimed(store);
  }

  private async settleClaimed(store: CounterStore | null): Promise<void> {
    if (!this.claimed.size) return;
    // Bounded, so that the backlog of a long Redis outage drains over several flushes.
    const batchIds = [...this.claimed.keys()].slice(0, MAX_SETTLED_PER_FLUSH);
    await this.settleClaims(batchIds, store);
    for (const batchId of batchIds) {
      this.keepOwn(this.claimed.get(batchId)!);
      this.claimed.delete(batchId);
    }
  }

  /** The figures of `family` over minutes from..to (inclusive): shared when the store answers. */
  async sum(family: Family, from: number, to: number, only?: readonly string[]): Promise<Fields> {
    return this.read(
      () => ({ kind: "sum", family, from, to, only }),
      (into, buckets) => buckets.sumInto(into, family, from, to, only),
      (into) => this.history.sumInto(into, family, from, to, only),
    );
  }

  /**
   * The counters of the local day (or hour) of `timeZone` that starts at minute `start`, up to
   * minute `upTo`: the store's running total of that period when it keeps them in that zone, so
   * the read costs the same at any hour; otherwise the sum of its minutes.
   */
  async sumPeriod(period: Period, timeZone: string, start: number, upTo: number, only?: readonly string[]): Promise<Fields> {
    return this.read(
      (store) => (store.timeZone === timeZone ? { kind: "period", period, start, upTo, only } : { kind: "sum", family: "counters", from: start, to: upTo, only }),
      (into, buckets) => buckets.sumInto(into, "counters", start, upTo, only),
      (into) => this.history.sumInto(into, "counters", start, upTo, only),
    );
  }

  /** The figures of `family` since the store (or this process) began. */
  async totals(family: Family): Promise<Fields> {
    const addTotals = (into: Fields, buckets: MinuteBuckets) => {
      for (const fields of buckets.byMinute.values()) addAll(into, fields[family]);
    };
    return this.read(() => ({ kind: "totals", family }), addTotals, (into) => addAll(into, this.ownTotals[family]));
  }

  private async read(
    query: (store: CounterStore) => SharedQuery,
    addUnflushed: (into: Fields, buckets: MinuteBuckets) => void,
    addOwnHistory: (into: Fields) => void,
  ): Promise<Fields> {
    const store = this.store();
    if (store) {
      // Listed before the store is asked: a batch applied meanwhile is then either missing from the
      // figures or marked applied in the same atomic read, never both nor neither.
      const { writers, batches } = this.unsentBatches();
      try {
        const { fields, applied } = await withTimeout(store.read(query(store), writers), STORE_TIMEOUT_MS, "Redis");
        for (const { writer, sequence, minutes } of batches) if (sequence > applied[writer]) addUnflushed(fields, minutes);
        return fields;
      } catch {
        // The store's own connection reports the outage; this process's figures answer meanwhile.
      }
    }
    const fields: Fields = new Map();
    addOwnHistory(fields);
    addUnflushed(fields, this.pending);
    for (const counts of this.claimed.values()) addUnflushed(fields, counts);
    return fields;
  }

  /**
   * What this process recorded that the store may lack, each batch with the sequence it has (or
   * will have: `pending` is sealed next) and the index of its writer in `writers`.
   */
  private unsentBatches(): { writers: string[]; batches: Array<{ writer: number; sequence: number; minutes: MinuteBuckets }> } {
    const writers: string[] = [this.writer];
    const batches = [{ writer: 0, sequence: this.sequence + 1, minutes: this.pending }];
    if (this.unacked) batches.push({ writer: 0, sequence: this.unacked.sequence, minutes: this.unacked.minutes });
    for (const [batchId, minutes] of this.claimed) batches.push({ writer: writers.push(claimWriter(batchId)) - 1, sequence: 1, minutes });
    return { writers, batches };
  }

  // Only one batch is in flight: while it is unacknowledged, new figures wait in `pending`, so a
  // retry resends exactly the batch whose sequence the store may already have applied.
  private seal(): void {
    if (this.unacked || this.pending.isEmpty) return;
    const sealed = this.pending;
    this.pending = new MinuteBuckets();
    this.keepOwn(sealed);
    this.unacked = { writer: this.writer, sequence: ++this.sequence, minutes: sealed };
  }

  /** This process's own record, which answers reads while the store is down or absent. */
  private keepOwn(buckets: MinuteBuckets): void {
    this.history.mergeFrom(buckets);
    for (const fields of buckets.byMinute.values()) {
      for (const family of FAMILIES) addAll(this.ownTotals[family], fields[family]);
    }
  }

  private prune(): void {
    const now = this.now();
    if (minuteOf(now) === this.prunedMinute) return;
    this.prunedMinute = minuteOf(now);
    this.history.prune(retentionCutoffs(now));
  }
}
