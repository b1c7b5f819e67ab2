import { Prisma } from "../../generated/prisma/client";
import { METRIC_CATALOGUE } from "../metric-catalogue";
import type { SeriesQuery } from "./metric-series";

const HOUR_MS = 3_600_000;
export const TWO_HOURS_MS = 2 * HOUR_MS;

/** The series a read asks for, whatever the resolution. */
export function seriesFilter(resolution: string, { metrics, instance }: SeriesQuery): Prisma.Sql {
  return Prisma.sql`resolution = ${resolution}
    AND metric_type = ANY(${[...new Set(metrics.map((name) => METRIC_CATALOGUE[name].type))]}::text[])
    AND metric_name = ANY(${[...metrics]}::text[])
    ${instance === undefined ? Prisma.empty : Prisma.sql`AND instance = ${instance}`}`;
}

const POINT_COLUMNS = Prisma.sql`(sum / samples)::float8 AS mean, CASE WHEN cardinality(buckets) > 0 THEN buckets END AS buckets`;

/**
 * Epoch-aligned 2-hour bins of the hours touching [from, to], read as stored (the '2h' rollups)
 * instead of merged from hourly rows. A bin only half inside the range (its first hour before
 * from's hour, or its second hour after to) holds just the hour inside, so it is read from that
 * hourly row: every point is the one merging the range's hourly rows two by two gives.
 */
export function storedTwoHourBins(query: SeriesQuery): Prisma.Sql {
  const firstHour = Math.floor(query.from.getTime() / HOUR_MS) * HOUR_MS;
  const lastHour = Math.floor(query.to.getTime() / HOUR_MS) * HOUR_MS;
  const lastWhole = lastHour % TWO_HOURS_MS === 0 ? lastHour : lastHour + HOUR_MS;
  const halves = [firstHour % TWO_HOURS_MS === 0 ? [] : [firstHour], lastHour % TWO_HOURS_MS === 0 ? [lastHour] : []].flat();
  const whole = Prisma.sql`
    SELECT instance, metric_name AS metric, recorded_at AS t, ${POINT_COLUMNS}
    FROM system_metric_rollups
    WHERE ${seriesFilter("2h", query)}
      AND recorded_at >= ${new Date(Math.ceil(firstHour / TWO_HOURS_MS) * TWO_HOURS_MS)}::timestamptz AND recorded_at < ${new Date(lastWhole)}::timestamptz`;
  if (halves.length === 0) return whole;
  return Prisma.sql`${whole}
    UNION ALL
    SELECT instance, metric_name AS metric, date_bin('2 hours', recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t, ${POINT_COLUMNS}
    FROM system_metric_rollups
    WHERE ${seriesFilter("hour", query)}
      AND recorded_at IN (${Prisma.join(halves.map((ms) => Prisma.sql`${new Date(ms)}::timestamptz`))})`;
}
