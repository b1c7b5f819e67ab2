import type { Redis } from "ioredis";
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
  /** Forgets writers that will never send again (one-batch writers once their batch is settled). */
  forgetWriters(writers: readonly string[]): Promise<void>;
}

// A writer's last sequence is remembered as long as the data it touched, so a retry that comes
// late (after a long partition) is still recognised.
const WRITER_TTL_S = Math.ceil(RETENTION_MS.counters / 1000);

// Running totals live while anything is written; after a month of silence they start again at zero,
// which Prometheus reads as a counter reset.
const TOTALS_TTL_S = 30 * 24 * 3600;

// KEYS: the writer's sequence key, the period totals' start marker, then the hashes. ARGV: the
// batch's sequence, the sequence key's TTL, the marker's value (the minute now) and TTL, then per
// hash its TTL, its field count, and field/delta pairs. Nothing is added when the writer's batch
// of that sequence was applied before.
const APPLY_BATCH = `
local sequence = tonumber(ARGV[1])
if sequence <= tonumber(redis.call('GET', KEYS[1]) or '0') then return 0 end
redis.call('SET', KEYS[1], sequence, 'EX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'NX')
redis.call('EXPIRE', KEYS[2], ARGV[4])
local a = 5
for k = 3, #KEYS do
  local ttl = tonumber(ARGV[a])
  local n = tonumber(ARGV[a + 1])
  a = a + 2
  for i = 1, n do
    redis.call('HINCRBYFLOAT', KEYS[k], ARGV[a], ARGV[a + 1])
    a = a + 2
  end
  redis.call('EXPIRE', KEYS[k], ttl)
end
return 1`;

// KEYS: the hashes, the first ARGV[1] added and the rest subtracted. ARGV[2..]: the fields to
// sum, or none for all. Returns field/sum pairs.
const SUM_HASHES = `
local adding = tonumber(ARGV[1])
local fields = {unpack(ARGV, 2)}
local sums, order = {}, {}
local function add(field, value, sign)
  local n = sign * tonumber(value)
  if sums[field] == nil then sums[field] = n; order[#order + 1] = field else sums[field] = sums[field] + n end
end
for k, key in ipairs(KEYS) do
  local sign = k <= adding and 1 or -1
  if #fields == 0 then
    local flat = redis.call('HGETALL', key)
    for i = 1, #flat, 2 do add(flat[i], flat[i + 1], sign) end
  else
    local values = redis.call('HMGET', key, unpack(fields))
    for i, value in ipairs(values) do if value then add(fields[i], value, sign) end end
  end
end
local out = {}
for _, field in ipairs(order) do out[#out + 1] = field; out[#out + 1] = string.format('%.17g', sums[field]) end
return out`;

interface CounterCommands {
  // Keys and arguments go as arrays (ioredis flattens them): a batch after a long outage can hold
  // more values than a spread call accepts.
  khaachoApplyBatch(numKeys: number, keys: string[], args: (string | number)[]): Promise<number>;
  khaachoSumHashes(numKeys: number, keys: string[], args: readonly (string | number)[]): Promise<string[]>;
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

    async sum(family, from, to, only = []) {
      const keys: string[] = [];
      for (let minute = from; minute <= to; minute++) keys.push(key(family, minute));
      return toFields(await commands.khaachoSumHashes(keys.length, keys, [keys.length, ...only]));
    },

    timeZone,

    async sumPeriod(period, start, upTo, only = []) {
      if (!(await totalsCover(start, Date.now()))) return this.sum("counters", start, upTo, only);
      const { dayEnd } = periodsOf(start);
      const end = period === "day" ? dayEnd : start + 60;
      const keys = [periodKey(period, start)];
      for (let minute = upTo + 1; minute < Math.min(end, upTo + 1 + AHEAD_MINUTES); minute++) keys.push(key("counters", minute));
      return toFields(await commands.khaachoSumHashes(keys.length, keys, [1, ...only]));
    },

    async forgetWriters(writers) {
      if (writers.length) await client.del(writers.map((writer) => `${prefix}writer:${writer}`));
    },

    async totals(family) {
      const flat = await client.hgetall(key(family, "total"));
      return new Map(Object.entries(flat).map(([field, value]) => [field, Number(value)]));
    },
  };
}
