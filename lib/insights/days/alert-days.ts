import type { Db } from "../../db/client";
import { SYSTEM_ACTOR } from "../../alerts/events";
import type { Computed } from "./kept-days";
import { perSlice, sliceBounds } from "./ranges";
import type { DaySlice } from "./slices";

/** Alerts cleared by themselves this soon after opening are counted as flapping. */
export const FLAPPING_MS = 5 * 60_000;

/** One day's alerts of one rule and severity, by outcome: each alert counts once, by the first that applies. */
export interface AlertCount {
  type: string;
  severity: string;
  alerts: number;
  acknowledged: number;
  resolved: number;
  resolvedByPerson: number;
  resolvedAutomatically: number;
  open: number;
  flapping: number;
  /** Not resolved yet, acknowledged or not: the day may still change. */
  unresolved: number;
}

/** Seconds to acknowledge and to resolve, and the reading and level at opening. */
export type Measure = "ack" | "resolve" | "value" | "threshold";
interface AlertValue {
  type: string;
  severity: string;
  measure: Measure;
  value: number;
  count: number;
}

/** The key of one rule, severity and measure's values in a day's `values`. */
export const valuesKey = (type: string, severity: string, measure: Measure) => `${type}\t${severity}\t${measure}`;

/** One person's acknowledgements (and the seconds they waited in all) and resolutions of the day's alerts. */
export interface ActorCount {
  actor: string;
  acknowledged: number;
  resolved: number;
  waitSeconds: number;
  waits: number;
}

export interface AlertDay {
  counts: AlertCount[];
  /** Per valuesKey, each distinct value followed by how many alerts had it: [value, count, value, count, ...]. */
  values: Record<string, number[]>;
  people: ActorCount[];
}

/**
 * The alerts raised in each slice (test alerts left out), through the created_at index; a slice
 * with an alert not yet resolved may still change.
 */
export async function alertDays(db: Db, slices: DaySlice[]): Promise<Computed<AlertDay>[]> {
  const { starts, ends } = sliceBounds(slices);
  const [counts, values, people] = await Promise.all([
    db.$queryRaw<(AlertCount & { slice: number })[]>`
      SELECT r.slice::int AS slice, type, severity::text AS severity, count(*)::int AS alerts,
             count(*) FILTER (WHERE acknowledged_at IS NOT NULL)::int AS acknowledged,
             count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
             count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NOT NULL AND resolved_by IS DISTINCT FROM ${SYSTEM_ACTOR})::int AS "resolvedByPerson",
             count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NOT NULL AND resolved_by = ${SYSTEM_ACTOR})::int AS "resolvedAutomatically",
             count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NULL)::int AS open,
             count(*) FILTER (WHERE cleared_at IS NOT NULL AND cleared_at <= created_at + ${FLAPPING_MS}::int * interval '1 millisecond')::int AS flapping,
             count(*) FILTER (WHERE status <> 'RESOLVED')::int AS unresolved
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS r(start_at, end_at, slice)
      JOIN system_alerts ON created_at >= r.start_at AND created_at < r.end_at AND NOT is_test
      GROUP BY r.slice, type, severity`,
    db.$queryRaw<(AlertValue & { slice: number })[]>`
      SELECT r.slice::int AS slice, type, severity::text AS severity, m.measure, m.value, count(*)::int AS count
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS r(start_at, end_at, slice)
      JOIN system_alerts ON created_at >= r.start_at AND created_at < r.end_at AND NOT is_test
      CROSS JOIN LATERAL (VALUES ('ack', date_part('epoch', acknowledged_at - created_at)), ('resolve', date_part('epoch', resolved_at - created_at)),
                                 ('value', opening_value), ('threshold', opening_threshold)) AS m(measure, value)
      WHERE m.value IS NOT NULL
      GROUP BY r.slice, type, severity, m.measure, m.value`,
    db.$queryRaw<(ActorCount & { slice: number })[]>`
      SELECT r.slice::int AS slice, s.actor, sum(s.acknowledged)::int AS acknowledged, sum(s.resolved)::int AS resolved,
             coalesce(sum(s.wait), 0)::float8 AS "waitSeconds", count(s.wait)::int AS waits
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS r(start_at, end_at, slice)
      JOIN system_alerts a ON a.created_at >= r.start_at AND a.created_at < r.end_at AND NOT a.is_test
      CROSS JOIN LATERAL (VALUES (a.acknowledged_by, 1, 0, date_part('epoch', a.acknowledged_at - a.created_at)),
                                 (CASE WHEN a.resolved_by <> ${SYSTEM_ACTOR} THEN a.resolved_by END, 0, 1, NULL)) AS s(actor, acknowledged, resolved, wait)
      WHERE s.actor IS NOT NULL
      GROUP BY r.slice, s.actor`,
  ]);
  const valuesPerSlice = perSlice(slices.length, values);
  const peoplePerSlice = perSlice(slices.length, people);
  return perSlice(slices.length, counts).map((dayCounts, i) => ({
    figures: { counts: dayCounts, values: flattened(valuesPerSlice[i]), people: peoplePerSlice[i] },
    unsettled: dayCounts.some((row) => row.unresolved > 0),
  }));
}

function flattened(values: AlertValue[]): Record<string, number[]> {
  const byKey: Record<string, number[]> = {};
  for (const { type, severity, measure, value, count } of values) (byKey[valuesKey(type, severity, measure)] ??= []).push(value, count);
  return byKey;
}
