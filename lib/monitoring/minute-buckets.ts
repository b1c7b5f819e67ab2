import { type Family, type Fields, addAll } from "./fields";

export const MINUTE_MS = 60_000;

export function minuteOf(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS);
}

export type MinuteFields = Record<Family, Fields>;

export function emptyFamilies(): MinuteFields {
  return { counters: new Map(), api: new Map(), database: new Map() };
}

/** Figures by minute and family; the minute last written is cached because events arrive in order. */
export class MinuteBuckets {
  readonly byMinute = new Map<number, MinuteFields>();
  private lastMinute = Number.NaN;
  private last: MinuteFields | undefined;

  at(minute: number): MinuteFields {
    if (minute === this.lastMinute) return this.last!;
    let fields = this.byMinute.get(minute);
    if (!fields) this.byMinute.set(minute, (fields = emptyFamilies()));
    this.lastMinute = minute;
    this.last = fields;
    return fields;
  }

  get isEmpty(): boolean {
    return this.byMinute.size === 0;
  }

  mergeFrom(other: MinuteBuckets): void {
    for (const [minute, fields] of other.byMinute) {
      const into = this.at(minute);
      for (const family of Object.keys(fields) as Family[]) addAll(into[family], fields[family]);
    }
  }

  /** Adds the figures of `family` in minutes from..to (inclusive) to `into`. */
  sumInto(into: Fields, family: Family, from: number, to: number, only?: readonly string[]): void {
    for (const [minute, fields] of this.byMinute) {
      if (minute >= from && minute <= to) addAll(into, fields[family], only);
    }
  }

  /** Forgets each family's minutes before its cutoff. */
  prune(cutoffs: Record<Family, number>): void {
    for (const [minute, fields] of this.byMinute) {
      let empty = true;
      for (const family of Object.keys(fields) as Family[]) {
        if (minute < cutoffs[family]) fields[family].clear();
        else if (fields[family].size) empty = false;
      }
      if (empty) this.byMinute.delete(minute);
    }
    this.lastMinute = Number.NaN;
    this.last = undefined;
  }
}

/** The counters family of each minute as plain JSON: [[minute, [[field, amount], ...]], ...]. */
export type CountersJson = Array<[number, Array<[string, number]>]>;

export function countersToJson(buckets: MinuteBuckets): CountersJson {
  return [...buckets.byMinute].map(([minute, fields]) => [minute, [...fields.counters]]);
}

export function countersFromJson(json: CountersJson): MinuteBuckets {
  const buckets = new MinuteBuckets();
  for (const [minute, fields] of json) addAll(buckets.at(minute).counters, new Map(fields));
  return buckets;
}

const HOUR_MS = 60 * MINUTE_MS;

// How long each family's minutes are kept (Redis TTL and memory): counters must cover a local day
// (25 h on a daylight-saving day); API and database figures only their 5-minute windows and the
// leader's per-minute snapshots, which catch up at most an hour.
export const RETENTION_MS: Record<Family, number> = { counters: 26 * HOUR_MS, api: 2 * HOUR_MS, database: 2 * HOUR_MS };

export function retentionCutoffs(nowMs: number): Record<Family, number> {
  const cutoff = (family: Family) => minuteOf(nowMs - RETENTION_MS[family]);
  return { counters: cutoff("counters"), api: cutoff("api"), database: cutoff("database") };
}
