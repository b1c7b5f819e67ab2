import { afterAll, describe, expect, test } from "vitest";
import { useAppEnv as setUpAppEnv } from "../auth/app-env";
import { NOW, seedAlerts } from "./fixture";

const env = await setUpAppEnv();
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { getInsights } = await import("@/lib/insights/insights");
const { fillKeptDays } = await import("@/lib/insights/days/fill");
const { ALERT_DAYS, DELIVERY_DAYS } = await import("@/lib/insights/days/sections");

const db = getDb();
const KATHMANDU = "Asia/Kathmandu";
const ids = await seedAlerts(db);
// A delivery of the 29th still waiting to be sent: the day's deliveries may change.
await db.notification.create({ data: { alertId: ids.A1, channel: "EMAIL", recipient: "late@example.com", reason: "created", status: "PENDING", createdAt: new Date("2026-11-29T10:00:00+05:45") } });
// The answer computed from the rows alone, before any day is kept.
const computed = await getInsights(db, "90d", NOW, KATHMANDU);
await db.$executeRaw`DELETE FROM insight_days`;
const storedByFirstRun = await fillKeptDays(db, KATHMANDU, NOW, { pauseMs: 0 });

const keptRows = (section: string) =>
  db.$queryRaw<{ day: string; figures: unknown; computedAt: Date }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, figures, computed_at AS "computedAt" FROM insight_days WHERE time_zone = ${KATHMANDU} AND section = ${section} ORDER BY day`;
const wholeDay = (day: string) => {
  const start = new Date(`${day}T00:00:00+05:45`);
  return { day, start, end: new Date(start.getTime() + 86_400_000), keepable: true };
};

// A day's rows come in no particular order, nor its [value, count, ...] pairs: compare them as sets.
const canonical = (figures: unknown): unknown => {
  if (!Array.isArray(figures)) {
    if (figures === null || typeof figures !== "object") return figures;
    return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, canonical(value)]));
  }
  if (figures.every((item) => typeof item === "number")) {
    const pairs = figures.flatMap((value, i) => (i % 2 ? [] : [[value, figures[i + 1]]]));
    return pairs.sort(([a], [b]) => a - b);
  }
  return figures.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
};

describe("filling the kept days ahead of the first answer", () => {
  test("keeps every finished settled day of the 90-day range and the period before it, in MONITORING_TIMEZONE", async () => {
    const alertDays = (await keptRows("alerts")).map((row) => row.day);
    const deliveryDays = (await keptRows("deliveries")).map((row) => row.day);
    // The previous period starts at noon on 4 June, so 5 June to 29 November: 178 whole days, less the 28th (open alert).
    expect(alertDays).toHaveLength(177);
    expect([alertDays[0], alertDays.at(-1)]).toEqual(["2026-06-05", "2026-11-29"]);
    // Deliveries are read for the period only, 2 September to 29 November: 89 days, less the 29th (pending delivery).
    expect(deliveryDays).toHaveLength(88);
    expect([deliveryDays[0], deliveryDays.at(-1)]).toEqual(["2026-09-02", "2026-11-28"]);
    expect(storedByFirstRun).toBe(177 + 88);
  });

  test("days with an open alert or a pending delivery are not kept", async () => {
    expect((await keptRows("alerts")).map((row) => row.day)).not.toContain("2026-11-28");
    expect((await keptRows("deliveries")).map((row) => row.day)).not.toContain("2026-11-29");
    expect((await keptRows("alerts")).map((row) => row.day)).not.toContain("2026-11-30");
  });

  test("each kept day holds the figures a read computes from the rows", async () => {
    for (const daySection of [ALERT_DAYS, DELIVERY_DAYS] as const) {
      const rows = await keptRows(daySection.section);
      const fresh = await daySection.compute(db, rows.map((row) => wholeDay(row.day)));
      expect(rows.map((row) => canonical(row.figures))).toEqual(fresh.map((day) => canonical(day.figures)));
    }
  });

  test("the answer read from the filled days equals the one computed from the rows", async () => {
    expect(await getInsights(db, "90d", NOW, KATHMANDU)).toEqual(computed);
  });

  test("a second run stores and rewrites nothing", async () => {
    const before = [...(await keptRows("alerts")), ...(await keptRows("deliveries"))];
    expect(await fillKeptDays(db, KATHMANDU, NOW, { pauseMs: 0 })).toBe(0);
    expect([...(await keptRows("alerts")), ...(await keptRows("deliveries"))]).toEqual(before);
  });

  test("a fill told to stop (leadership lost, shutting down) stores nothing more", async () => {
    await db.$executeRaw`DELETE FROM insight_days`;
    expect(await fillKeptDays(db, KATHMANDU, NOW, { pauseMs: 0, keepGoing: () => false })).toBe(0);
    expect(await keptRows("alerts")).toEqual([]);
  });

  test("once the open alert is resolved, the next run keeps its day", async () => {
    await db.systemAlert.update({ where: { id: ids.A4 }, data: { status: "RESOLVED", resolvedAt: new Date("2026-11-29T00:30:00+05:45"), resolvedBy: "system" } });
    await fillKeptDays(db, KATHMANDU, NOW, { pauseMs: 0 });
    expect((await keptRows("alerts")).map((row) => row.day)).toContain("2026-11-28");
  });
});
