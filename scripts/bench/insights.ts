import { SEEDED_ALERTS, SEEDED_DELIVERIES, seedInsightData } from "./insights-seed";
import { fmt, medianCallMs, medianOfRuns } from "./stats";

const ROUNDS = 10;

/**
 * GET /insights's work for each range over 100,000 alerts and 1,000,000 deliveries, next to counting
 * the same rows: the answer with the finished days kept (every answer but the first of a day), and
 * the first answer, which computes and keeps them.
 */
export async function benchInsights(url: string): Promise<void> {
  const seeded = await seedInsightData(url);
  const { getDb } = await import("../../lib/db/client");
  const { getInsights } = await import("../../lib/insights/insights");
  const { insightPeriod } = await import("../../lib/insights/period");
  const { getConfig } = await import("../../lib/config");
  const db = getDb();
  const timeZone = getConfig().monitoring.timeZone;
  console.log(`\nInsights over ${SEEDED_ALERTS.toLocaleString("en-US")} alerts (180 days), ${SEEDED_DELIVERIES.toLocaleString("en-US")} deliveries and ${seeded.samples.toLocaleString("en-US")} minute samples (30 days) (median of 3 runs of ${ROUNDS} calls)`);
  for (const range of ["7d", "30d", "90d"] as const) {
    const period = insightPeriod(range, new Date(), timeZone);
    const figures = await medianOfRuns(async () => ({
      // The first answer after the kept days were forgotten computes every day from the rows.
      first: await firstCallMs(() => db.$executeRaw`DELETE FROM insight_days`, () => getInsights(db, range, new Date(), timeZone)),
      insights: await medianCallMs(() => getInsights(db, range, new Date(), timeZone), ROUNDS),
      count: await medianCallMs(
        () => db.$queryRaw`SELECT (SELECT count(*) FROM system_alerts WHERE created_at >= ${period.previousFrom} AND created_at < ${period.to}) + (SELECT count(*) FROM notifications WHERE created_at >= ${period.from} AND created_at < ${period.to})`,
        ROUNDS,
      ),
    }));
    console.log(`  ${range.padEnd(4)} insights p50 ${fmt(figures.insights).padStart(7)} ms${range === "90d" ? " (target < 200 ms)" : ""}; baseline count(*) of the same alerts and deliveries ${fmt(figures.count).padStart(7)} ms; first answer with no day kept ${fmt(figures.first).padStart(7)} ms`);
  }
  await benchFiller(db, timeZone, getInsights);
  await benchReplay(db, insightPeriod("30d", new Date(), timeZone));
}

// The leader's background fill of the kept days from none (the bench's 180 days), timed per chunk, and the first 90-day answer after it.
async function benchFiller(db: import("../../lib/db/client").Db, timeZone: string, getInsights: typeof import("../../lib/insights/insights").getInsights): Promise<void> {
  const { FILL_PAUSE_MS, fillKeptDays } = await import("../../lib/insights/days/fill");
  await db.$executeRaw`DELETE FROM insight_days`;
  const chunkEnds: number[] = [];
  const started = performance.now();
  const stored = await fillKeptDays(db, timeZone, new Date(), { pauseMs: 0, keepGoing: () => chunkEnds.push(performance.now()) > 0 });
  const fillMs = performance.now() - started;
  const chunkMs = [...chunkEnds.slice(1), started + fillMs].map((end, i) => end - chunkEnds[i]);
  const firstMs = await firstCallMs(async () => undefined, () => getInsights(db, "90d", new Date(), timeZone));
  const kept = await medianCallMs(() => getInsights(db, "90d", new Date(), timeZone), ROUNDS);
  console.log(
    `  filler: ${stored} days kept in ${fmt(fillMs)} ms of work over ${chunkMs.length} chunks (longest ${fmt(Math.max(...chunkMs))} ms; in service plus ${chunkMs.length - 1} pauses of ${FILL_PAUSE_MS} ms); ` +
      `then the first 90d answer ${fmt(firstMs)} ms, the kept answer p50 ${fmt(kept)} ms`,
  );
}

async function firstCallMs(forget: () => Promise<unknown>, run: () => Promise<unknown>): Promise<number> {
  await forget();
  const started = performance.now();
  await run();
  return performance.now() - started;
}

// One rule's proposal: CPU per instance, five instances, 30 days of minute samples.
async function benchReplay(db: import("../../lib/db/client").Db, period: import("../../lib/insights/period").InsightPeriod): Promise<void> {
  const { proposedThreshold } = await import("../../lib/insights/thresholds");
  const figures = await medianOfRuns(async () => ({
    replay: await medianCallMs(() => proposedThreshold(db, "HIGH_CPU_USAGE", period), 3),
    count: await medianCallMs(() => db.$queryRaw`SELECT count(*) FROM system_metrics WHERE metric_type = 'system' AND metric_name = 'cpu' AND recorded_at >= ${period.from} AND recorded_at < ${period.to}`, 3),
  }));
  console.log(`  30d  threshold replay of HIGH_CPU_USAGE p50 ${fmt(figures.replay).padStart(7)} ms; baseline count(*) of the same samples ${fmt(figures.count).padStart(7)} ms (asked per rule, after the page)`);
}
