import { afterAll, describe, expect, test } from "vitest";
import { useAppEnv as setUpAppEnv } from "../auth/app-env";
import { NOW, seedAlerts } from "./fixture";

const env = await setUpAppEnv();
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { getInsights } = await import("@/lib/insights/insights");

const db = getDb();
const ids = await seedAlerts(db);
const KATHMANDU = "Asia/Kathmandu";
const first = await getInsights(db, "7d", NOW, KATHMANDU);

const keptAlertDays = async () =>
  (await db.$queryRaw<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM insight_days WHERE time_zone = ${KATHMANDU} AND section = 'alerts' ORDER BY day`).map((row) => row.day);

const addResolvedAlert = (at: Date) =>
  db.systemAlert.create({
    data: { type: "HIGH_MEMORY_USAGE", severity: "WARNING", status: "RESOLVED", title: "backfilled", message: "backfilled", createdAt: at, lastSeenAt: at, resolvedAt: new Date(at.getTime() + 60_000), resolvedBy: "system" },
  });

describe("finished days kept between answers", () => {
  test("the answer read from the kept days equals the one computed from the rows", async () => {
    expect(await keptAlertDays()).not.toEqual([]);
    expect(await getInsights(db, "7d", NOW, KATHMANDU)).toEqual(first);
  });

  test("today, the part-day that starts the previous period and a day with an open alert are not kept; a finished day is", async () => {
    const kept = await keptAlertDays();
    // The previous period starts at noon on the 17th; the disk alert of the 28th is still open; NOW is on the 30th.
    expect(kept).not.toContain("2026-11-17");
    expect(kept).not.toContain("2026-11-28");
    expect(kept).not.toContain("2026-11-30");
    expect(kept).toEqual(expect.arrayContaining(["2026-11-18", "2026-11-24", "2026-11-29"]));
  });

  test("an alert written into a kept day later counts in the next answer, and no longer once deleted", async () => {
    const backfilled = await addResolvedAlert(new Date("2026-11-25T10:00:00+05:45"));
    const withIt = await getInsights(db, "7d", NOW, KATHMANDU);
    expect(withIt.volume.total).toBe(first.volume.total + 1);
    expect(withIt.volume.perDay.find((day) => day.day === "2026-11-25")).toEqual({ day: "2026-11-25", warning: 1, critical: 0 });
    await db.systemAlert.delete({ where: { id: backfilled.id } });
    expect(await getInsights(db, "7d", NOW, KATHMANDU)).toEqual(first);
  });

  test("a deleted delivery of a kept day no longer counts", async () => {
    const [delivery] = await db.notification.findMany({ where: { alertId: ids.A1 }, take: 1 });
    await db.notification.delete({ where: { id: delivery.id } });
    const without = await getInsights(db, "7d", NOW, KATHMANDU);
    expect(without.delivery.reduce((sum, channel) => sum + channel.deliveries, 0)).toBe(first.delivery.reduce((sum, channel) => sum + channel.deliveries, 0) - 1);
  });

  test("once its open alert is resolved, the day counts it resolved and is kept", async () => {
    await db.systemAlert.update({ where: { id: ids.A4 }, data: { status: "RESOLVED", resolvedAt: new Date("2026-11-29T00:30:00+05:45"), resolvedBy: "system" } });
    const after = await getInsights(db, "7d", NOW, KATHMANDU);
    expect(after.volume.outcomes).toEqual({ ...first.volume.outcomes, open: first.volume.outcomes.open - 1, resolvedAutomatically: first.volume.outcomes.resolvedAutomatically + 1 });
    expect(await keptAlertDays()).toContain("2026-11-28");
  });
});
