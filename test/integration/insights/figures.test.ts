import { afterAll, describe, expect, test } from "vitest";
import { useAppEnv as setUpAppEnv } from "../auth/app-env";
import { NOW, seedAlerts, seedDiskSamples } from "./fixture";

const env = await setUpAppEnv();
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { getInsights } = await import("@/lib/insights/insights");
const { insightPeriod } = await import("@/lib/insights/period");
const { proposedThreshold } = await import("@/lib/insights/thresholds");
const { alertsCsv } = await import("@/lib/insights/alerts-export");

const db = getDb();
await seedAlerts(db);
await seedDiskSamples(db);
const KATHMANDU = "Asia/Kathmandu";
const week = await getInsights(db, "7d", NOW, KATHMANDU);

describe("the period", () => {
  test("seven local days up to now in MONITORING_TIMEZONE, and the previous period as long before it", () => {
    expect(week).toMatchObject({ range: "7d", timeZone: KATHMANDU, from: "2026-11-23T18:15:00.000Z", to: "2026-11-30T06:15:00.000Z", previousFrom: "2026-11-17T06:15:00.000Z" });
  });
});

describe("response times", () => {
  test("overall: mean and p90 to acknowledge and to resolve, test alerts left out, against the previous period", () => {
    expect(week.response.overall).toEqual({
      // acknowledged after 60, 180 and 30 s; resolved after 600, 1200, 120, 3600 and 300 s
      current: { alerts: 6, acknowledge: { count: 3, meanSeconds: 90, p90Seconds: 156 }, resolve: { count: 5, meanSeconds: 1164, p90Seconds: 2640 } },
      // the alert one second before the period and the one four days earlier: 120 and 240 s, 900 and 1800 s
      previous: { alerts: 2, acknowledge: { count: 2, meanSeconds: 180, p90Seconds: 228 }, resolve: { count: 2, meanSeconds: 1350, p90Seconds: 1710 } },
      trend: { acknowledgeMeanPercent: -50, resolveMeanPercent: -13.8 },
    });
  });

  test("per rule, most alerts first, and per severity", () => {
    expect(week.response.byRule.map((row) => [row.type, row.current.alerts])).toEqual([["HIGH_CPU_USAGE", 3], ["HIGH_DISK_USAGE", 2], ["HIGH_API_ERROR_RATE", 1]]);
    const cpu = week.response.byRule[0];
    expect(cpu.current.acknowledge).toEqual({ count: 2, meanSeconds: 120, p90Seconds: 168 });
    expect(cpu.current.resolve).toEqual({ count: 3, meanSeconds: 640, p90Seconds: 1080 });
    expect(cpu.trend).toEqual({ acknowledgeMeanPercent: -33.3, resolveMeanPercent: -52.6 });
    const disk = week.response.byRule[1];
    expect(disk.current.acknowledge).toEqual({ count: 0, meanSeconds: null, p90Seconds: null });
    expect(disk.previous.alerts).toBe(0);
    expect(disk.trend).toEqual({ acknowledgeMeanPercent: null, resolveMeanPercent: null });
    const [critical, warning] = week.response.bySeverity;
    expect(critical).toMatchObject({ severity: "CRITICAL", current: { alerts: 2, acknowledge: { count: 1, meanSeconds: 180, p90Seconds: 180 }, resolve: { count: 2, meanSeconds: 2400, p90Seconds: 3360 } } });
    expect(warning).toMatchObject({ severity: "WARNING", current: { alerts: 4, acknowledge: { count: 2, meanSeconds: 45, p90Seconds: 57 }, resolve: { count: 3, meanSeconds: 340, p90Seconds: 540 } } });
  });
});

describe("volume", () => {
  test("alerts per local day in Asia/Kathmandu: two alerts of the same UTC day fall on different local days", () => {
    expect(week.volume.perDay).toEqual([
      { day: "2026-11-24", warning: 1, critical: 0 },
      { day: "2026-11-25", warning: 0, critical: 0 },
      { day: "2026-11-26", warning: 0, critical: 0 },
      { day: "2026-11-27", warning: 0, critical: 0 },
      { day: "2026-11-28", warning: 1, critical: 0 },
      { day: "2026-11-29", warning: 2, critical: 1 },
      { day: "2026-11-30", warning: 0, critical: 1 },
    ]);
  });

  test("per rule by count, and who or what ended each alert", () => {
    expect(week.volume.total).toBe(6);
    expect(week.volume.outcomes).toEqual({ acknowledged: 3, resolvedByPerson: 1, resolvedAutomatically: 1, open: 1 });
    expect(week.volume.byRule).toEqual([
      { type: "HIGH_CPU_USAGE", alerts: 3, critical: 1, acknowledged: 2, resolvedByPerson: 0, resolvedAutomatically: 1, open: 0 },
      { type: "HIGH_DISK_USAGE", alerts: 2, critical: 1, acknowledged: 0, resolvedByPerson: 1, resolvedAutomatically: 0, open: 1 },
      { type: "HIGH_API_ERROR_RATE", alerts: 1, critical: 0, acknowledged: 1, resolvedByPerson: 0, resolvedAutomatically: 0, open: 0 },
    ]);
  });

  test("a longer range takes in the earlier alerts", async () => {
    const month = await getInsights(db, "30d", NOW, KATHMANDU);
    expect(month.volume.total).toBe(9);
    expect(month.volume.perDay).toHaveLength(30);
    expect(month.from).toBe("2026-10-31T18:15:00.000Z");
  });
});

describe("noise", () => {
  test("flapping (cleared within five minutes, the boundary included), never acknowledged, and the median opening against its level", () => {
    expect(week.noise).toEqual([
      { type: "HIGH_CPU_USAGE", alerts: 3, flapping: 1, resolvedWithoutAcknowledgement: 1, medianOpeningValue: 90, medianOpeningThreshold: 80 },
      { type: "HIGH_DISK_USAGE", alerts: 2, flapping: 1, resolvedWithoutAcknowledgement: 1, medianOpeningValue: 92, medianOpeningThreshold: 90 },
      { type: "HIGH_API_ERROR_RATE", alerts: 1, flapping: 1, resolvedWithoutAcknowledgement: 0, medianOpeningValue: 6, medianOpeningThreshold: 5 },
    ]);
  });

  test("the proposed level is replayed from the minute samples: the lowest that crosses at most half as often", async () => {
    // Rises on web-1: 70→90, 70→95, 70→88, 70→99, and 92 after a gap; web-2 opens at 86. Above 85: 6 crossings.
    // Above 88: 4, above 90: 3 (90 itself does not cross 90), so 90 is the level with half as many.
    expect(await proposedThreshold(db, "HIGH_DISK_USAGE", insightPeriod("7d", NOW, KATHMANDU))).toEqual({
      type: "HIGH_DISK_USAGE", level: 85, unavailable: null, minutes: 12, crossings: 6, proposed: 90, proposedCrossings: 3,
    });
  });

  test("an operator's level is the one replayed; rules without samples or without a rule say why there is no proposal", async () => {
    await db.alertRule.create({ data: { type: "HIGH_DISK_USAGE", warning: 91, updatedBy: "test" } });
    const period = insightPeriod("7d", NOW, KATHMANDU);
    // Above 91: 95, 99 and 92 → 3 crossings; at most 1: above 95 only 99 crosses.
    expect(await proposedThreshold(db, "HIGH_DISK_USAGE", period)).toMatchObject({ level: 91, crossings: 3, proposed: 95, proposedCrossings: 1 });
    await db.alertRule.update({ where: { type: "HIGH_DISK_USAGE" }, data: { warning: 98 } });
    expect(await proposedThreshold(db, "HIGH_DISK_USAGE", period)).toMatchObject({ level: 98, crossings: 1, proposed: null, unavailable: expect.stringContaining("once: nothing to halve") });
    await db.alertRule.delete({ where: { type: "HIGH_DISK_USAGE" } });
    expect(await proposedThreshold(db, "HIGH_CPU_USAGE", period)).toMatchObject({ level: 80, minutes: 0, proposed: null, unavailable: expect.stringContaining("No minute samples") });
    expect(await proposedThreshold(db, "TEST_ALERT", period)).toMatchObject({ level: null, proposed: null, unavailable: expect.stringContaining("not raised by a rule") });
  });
});

describe("delivery and people", () => {
  test("per channel: sent, failed, retried, median time to deliver and the last failure's reason", () => {
    expect(week.delivery).toEqual([
      { channel: "EMAIL", kind: "EMAIL", deliveries: 3, sent: 2, failed: 1, pending: 0, retried: 1, medianSecondsToDeliver: 3, lastFailure: { at: new Date(Date.parse("2026-11-30T08:00:30+05:45")).toISOString(), reason: 'SMTP 550 "mailbox" full' } },
      { channel: "ops-slack", kind: "WEBHOOK", deliveries: 3, sent: 1, failed: 2, pending: 0, retried: 3, medianSecondsToDeliver: 10, lastFailure: { at: new Date(Date.parse("2026-11-30T08:02:00+05:45")).toISOString(), reason: "timeout" } },
    ]);
  });

  test("acknowledgements and resolutions per person, the evaluator left out", () => {
    expect(week.people).toEqual([
      { actor: "asha", acknowledged: 2, resolved: 2, meanSecondsToAcknowledge: 45 },
      { actor: "bikash", acknowledged: 1, resolved: 1, meanSecondsToAcknowledge: 180 },
    ]);
  });
});

describe("an empty range", () => {
  test("has zeroed figures and every day, rather than missing sections", async () => {
    const empty = await getInsights(db, "7d", new Date("2027-06-01T00:00:00Z"), KATHMANDU);
    expect(empty.volume.perDay).toHaveLength(7);
    expect(empty.volume.total).toBe(0);
    expect(empty.response.overall.current.acknowledge.meanSeconds).toBeNull();
    expect([empty.noise, empty.delivery, empty.people, empty.response.byRule]).toEqual([[], [], [], []]);
  });
});

describe("the CSV export", () => {
  test("is bounded: past its limit the oldest alerts of the range are left out, newest first, test alerts never in", async () => {
    const lines: string[] = [];
    for await (const chunk of alertsCsv(db, insightPeriod("7d", NOW, KATHMANDU), 2)) lines.push(...chunk.split("\r\n").filter(Boolean));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',HIGH_DISK_USAGE,web-1,CRITICAL,RESOLVED,"A5 ""quoted"", title",2026-11-30T08:00:00.000+05:45,,,,,2026-11-30T09:00:00.000+05:45,bikash,3600,96,95,1,"\'=cause');
    expect(lines[2]).toContain(",HIGH_CPU_USAGE,web-1,CRITICAL,RESOLVED,");
  });
});
