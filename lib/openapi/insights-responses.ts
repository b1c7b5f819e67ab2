import { z } from "zod";

// The insights answers as the OpenAPI document declares them, checked against real responses in the tests.

const isoTime = z.iso.datetime({ offset: true });
const seconds = z.number().nullable();
const timing = z.object({ count: z.number().int(), meanSeconds: seconds, p90Seconds: seconds });
const figures = z.object({ alerts: z.number().int(), acknowledge: timing, resolve: timing });
const responseRow = z.object({
  current: figures,
  previous: figures,
  trend: z.object({ acknowledgeMeanPercent: z.number().nullable(), resolveMeanPercent: z.number().nullable() }),
});
const outcomes = { acknowledged: z.number().int(), resolvedByPerson: z.number().int(), resolvedAutomatically: z.number().int(), open: z.number().int() };

export const insightsResponse = z.object({
  range: z.enum(["7d", "30d", "90d"]),
  timeZone: z.string(),
  from: isoTime,
  to: isoTime,
  previousFrom: isoTime,
  response: z.object({
    overall: responseRow,
    byRule: z.array(responseRow.extend({ type: z.string() })),
    bySeverity: z.array(responseRow.extend({ severity: z.string() })),
  }),
  volume: z.object({
    total: z.number().int(),
    perDay: z.array(z.object({ day: z.iso.date(), warning: z.number().int(), critical: z.number().int() })),
    byRule: z.array(z.object({ type: z.string(), alerts: z.number().int(), critical: z.number().int(), ...outcomes })),
    outcomes: z.object(outcomes),
  }),
  noise: z.array(
    z.object({
      type: z.string(),
      alerts: z.number().int(),
      flapping: z.number().int(),
      resolvedWithoutAcknowledgement: z.number().int(),
      medianOpeningValue: z.number().nullable(),
      medianOpeningThreshold: z.number().nullable(),
    }),
  ),
  delivery: z.array(
    z.object({
      channel: z.string(),
      kind: z.string(),
      deliveries: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int(),
      retried: z.number().int(),
      medianSecondsToDeliver: seconds,
      lastFailure: z.object({ at: isoTime, reason: z.string() }).nullable(),
    }),
  ),
  people: z.array(z.object({ actor: z.string(), acknowledged: z.number().int(), resolved: z.number().int(), meanSecondsToAcknowledge: seconds })),
});

export const thresholdResponse = z.object({
  type: z.string(),
  level: z.number().nullable(),
  unavailable: z.string().nullable(),
  minutes: z.number().int(),
  crossings: z.number().int(),
  proposed: z.number().nullable(),
  proposedCrossings: z.number().int().nullable(),
});
