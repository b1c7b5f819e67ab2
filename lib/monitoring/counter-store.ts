import type { Redis } from "ioredis";
import { APPLY_BATCH, SUM_HASHES } from "./counter-scripts";
import { FAMILIES, type Family, type Fields, addAll } from "./fields";
import { type LocalPeriods, localPeriods } from "./local-periods";
import { MINUTE_MS, type MinuteBuckets, RETENTION_MS, minuteOf } from "./minute-buckets";

/**
 * Deltas sealed for one flush. A writer (one tracker) sends its batches one at a time with
 * increasing sequence numbers, so the store applies each exactly once by remembering, per writer,
 * the last sequence it applied: one small key per process rather than one per batch.
 */
export interface CounterBatch {
  writer: string;
  sequence: number;
  minutes: MinuteBuckets;
}

export type Period = "day" | "hour";

/** A figure read from the store: minutes of a family, a local period's running total, or the totals since the start. */
export type SharedQuery =
  | { kind: "sum"; family: Family; from: number; to: number; only?: readonly string[] }
  | { kind: "period"; period: Period; start: number; upTo: number; only?: readonly string[] }
  | { kind: "totals"; family: Family };

export interface SharedFigures {
  fields: Fields;
  /** Per writer asked about, the last sequence these figures hold (0: none of its batches). */
  applied: number[];
}

/** The writer of a claimed ingest batch: one batch, sequence 1. */
export const claimWriter = (batchId: string) => `ingest:${batchId}`;

/**
 * Where instances add up their figures: one Redis hash per family and minute, plus running totals
 * since the start and, for the counters, per local day and hour of `timeZone`.
 */
export interface CounterStore {
  /** The time zone whose days and hours the period totals follow. */
  readonly timeZone: string;
  /** Adds the batch exactly once, however often it is retried. */
  apply(batch: CounterBatch, nowMs: number): Promise<void>;
  /** The figures of `family` summed over minutes from..to (inclusive), optionally only some fields. */
  sum(family: Family, from: number, to: number, only?: readonly string[]): Promise<Fields>;
  /**
   * The counters of the local day (or hour) starting at minute `start`, up to minute `upTo`
   * inclusive: its running total, so the cost is the same at any hour.
   */
  sumPeriod(period: Period, start: number, upTo: number, only?: readonly string[]): Promise<Fields>;
  /** The figures of `family` since the store began (Prometheus counters). */
  totals(family: Family): Promise<Fields>;
  /**
   * The figure `query` names and, read in the same atomic step, how far each of `writers` is
   * applied: a reader adds a batch it has not seen acknowledged only when the figure lacks it.
   */
  read(query: SharedQuery, writers: readonly string[]): Promise<SharedFigures>;
  /**
   * Forgets writers that will never send again (one-batch writers once their batch is settled),
   * a minute later: a read that began before the settle still finds their marker.
   */
  forgetWriters(writers: readonly string[]): Promise<void>;
}

// A writer's last sequence is remembered as long as the data it touched, so a retry that comes
// late (after a long partition) is still recognised.
const WRITER_TTL_S = Math.ceil(RETENTION_MS.counters / 1000);

// Longer than any read may take (reads give up after a second), so no read misses a marker it asked for.
const FORGOTTEN_WRITER_TTL_S = 60;

// Running totals live while anything is written; after a month of silence they start again at zero,
// which Prometheus reads as a counter reset.
const TOTALS_TTL_S = 30 * 24 * 3600;

interface CounterCommands {
  // Keys and arguments go as arrays (ioredis flattens them): a batch after a long outage can hold
  // more values than a spread call accepts.
  khaachoApplyBatch(numKeys: number, keys: string[], args: (string | number)[]): Promise<number>;
  khaachoSumHashes(numKeys: number, keys: string[], args: readonly (string | number)[]): Promise<[string[], number[]]>;
}

function toFields(flat: string[]): Fields {
  const fields: Fields = new Map();
  for (let i = 0; i < flat.length; i += 2) fields.set(flat[i], Number(flat[i + 1]));
  return fields;
}

function pushHash(args: (string | number)[], ttlSeconds: number, fields: Fields): void {
  args.push(ttlSeconds, fields.size);
  for (const [field, delta] of fields) args.push(field, delta);
}

// Minutes recorded ahead of the clock (ingested events may be 5 minutes ahead, clocks drift) are in
// their day's total but not yet in a read up to now: a period read takes them back out.
const AHEAD_MINUTES = 15;

interface PeriodTotal {
  ttlSeconds: number;
  fields: Fields;
}

/** The counters of a batch added up per local day and hour, each with the TTL of its latest-kept minute. */
function periodTotals(batch: CounterBatch, periodsOf: (minute: number) => LocalPeriods, key: (period: Period, start: number) => string, nowMs: number): Map<string, PeriodTotal> {
  const totals = new Map<string, PeriodTotal>();
  for (const [minute, families] of batch.minutes.byMinute) {
    if (!families.counters.size) continue;
    const ttlSeconds = Math.ceil(((minute + 1) * MINUTE_MS + RETENTION_MS.counters - nowMs) / 1000);
    if (ttlSeconds <= 0) continue;
    const { dayStart, hourStart } = periodsOf(minute);
    for (const periodKey of [key("day", dayStart), key("hour", hourStart)]) {
      let total = totals.get(periodKey);
      if (!total) totals.set(periodKey, (total = { ttlSeconds, fields: new Map() }));
      total.ttlSeconds = Math.max(total.ttlSeconds, ttlSeconds);
      addAll(total.fields, families.counters);
    }
  }
  return totals;
}

export function createRedisCounterStore(client: Redis, prefix: string, { timeZone = "UTC" }: { timeZone?: string } = {}): CounterStore {
  client.defineCommand("khaachoApplyBatch", { lua: APPLY_BATCH });
  client.defineCommand("khaachoSumHashes", { lua: SUM_HASHES });
  const commands = client as unknown as CounterCommands;
  const key = (family: Family, slot: number | "total") => `${prefix}${family}:${slot}`;
  const periodKey = (period: Period, start: number) => `${prefix}counters:${period}:${start}`;
  const periodsOf = localPeriods(timeZone);
  // The minute the period totals began: a period that started before it (the day of the upgrade
  // that brought them, while older instances may still write minutes only) is summed by minute.
  const periodsSinceKey = `${prefix}counters:periods-since`;
  let periodsSince: { minute: number; readAt: number } | undefined;
  const totalsCover = async (start: number, nowMs: number) => {
    if (!periodsSince || nowMs - periodsSince.readAt > MINUTE_MS) {
      const since = await client.get(periodsSinceKey);
      periodsSince = since === null ? undefined : { minute: Number(since), readAt: nowMs };
    }
    return periodsSince !== undefined && start > periodsSince.minute;
  };

  /** The hashes a query sums, how many of them are added (the rest subtracted), and its fields. */
  const keysOf = async (query: SharedQuery): Promise<[string[], number, readonly string[]]> => {
    if (query.kind === "totals") return [[key(query.family, "total")], 1, []];
    const { only = [] } = query;
    if (query.kind === "sum" || !(await totalsCover(query.start, Date.now()))) {
      const [family, from, to] = query.kind === "sum" ? [query.family, query.from, query.to] : (["counters", query.start, query.upTo] as const);
      const keys: string[] = [];
      for (let minute = from; minute <= to; minute++) keys.push(key(family, minute));
      return [keys, keys.length, only];
    }
    const { start, upTo } = query;
    const end = query.period === "day" ? periodsOf(start).dayEnd : start + 60;
    const keys = [periodKey(query.period, start)];
    for (let minute = upTo + 1; minute < Math.min(end, upTo + 1 + AHEAD_MINUTES); minute++) keys.push(key("counters", minute));
    return [keys, 1, only];
  };

  return {
    async apply(batch, nowMs) {
      const keys = [`${prefix}writer:${batch.writer}`, periodsSinceKey];
      const args: (string | number)[] = [batch.sequence, WRITER_TTL_S, minuteOf(nowMs), TOTALS_TTL_S];
      const totals = new Map<Family, Fields>(FAMILIES.map((family) => [family, new Map()]));
      for (const [minute, families] of batch.minutes.byMinute) {
        for (const family of FAMILIES) {
          const fields = families[family];
          if (!fields.size) continue;
          addAll(totals.get(family)!, fields);
          const ttlSeconds = Math.ceil(((minute + 1) * MINUTE_MS + RETENTION_MS[family] - nowMs) / 1000);
          // Minutes already past their retention only count towards the totals.
          if (ttlSeconds <= 0) continue;
          keys.push(key(family, minute));
          pushHash(args, ttlSeconds, fields);
        }
      }
      for (const [family, fields] of totals) {
        if (!fields.size) continue;
        keys.push(key(family, "total"));
        pushHash(args, TOTALS_TTL_S, fields);
      }
      // In the same script as the minutes: a batch is in both or in neither.
      for (const [periodTotalKey, { ttlSeconds, fields }] of periodTotals(batch, periodsOf, periodKey, nowMs)) {
        keys.push(periodTotalKey);
        pushHash(args, ttlSeconds, fields);
      }
      await commands.khaachoApplyBatch(keys.length, keys, args);
    },

    async read(query, writers) {
      const [keys, adding, only] = await keysOf(query);
      const writerKeys = writers.map((writer) => `${prefix}writer:${writer}`);
      const [flat, applied] = await commands.khaachoSumHashes(keys.length + writerKeys.length, [...keys, ...writerKeys], [adding, writerKeys.length, ...only]);
      return { fields: toFields(flat), applied };
    },

    async sum(family, from, to, only) {
      return (await this.read({ kind: "sum", family, from, to, only }, [])).fields;
    },

    timeZone,

    async sumPeriod(period, start, upTo, only) {
      return (await this.read({ kind: "period", period, start, upTo, only }, [])).fields;
    },

    async forgetWriters(writers) {
      if (writers.length) await client.pipeline(writers.map((writer) => ["expire", `${prefix}writer:${writer}`, FORGOTTEN_WRITER_TTL_S])).exec();
    },

    async totals(family) {
      return (await this.read({ kind: "totals", family }, [])).fields;
    },
  };
}
