// npm run bench: every performance figure of the service next to a baseline measured in the same
// run (ratios, medians of 3 runs), in a fresh database on DATABASE_URL's server and, when REDIS_URL
// is set, through Redis as a production instance counts. Prints figures; asserts nothing.
import "dotenv/config";
import { once } from "node:events";
import os from "node:os";
import { loadConfig } from "../lib/config";
import { benchAbsenceRules } from "./bench/absence-rules";
import { benchCharts, seedMinuteSamples } from "./bench/charts";
import { benchIdleServer } from "./bench/idle";
import { benchIngest } from "./bench/ingest";
import { benchInsights } from "./bench/insights";
import { benchPrometheus } from "./bench/prometheus";
import { benchAuthenticatedReads } from "./bench/reads";
import { benchRuleSettings } from "./bench/rule-settings";
import { createScratchDatabase } from "./bench/scratch-db";
import { benchTracking } from "./bench/tracking";
import { benchEventToWebhook } from "./bench/webhook-latency";

// `npm run bench -- ingest charts` runs only those sections (tracking, prometheus, reads, ingest,
// idle, webhook, charts, rules, insights); rules after charts measures the evaluation over the seeded 30 days.
const sections = process.argv.slice(2);
const wanted = (section: string) => sections.length === 0 || sections.includes(section);

const serverUrl = loadConfig().databaseUrl;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server: the benchmark creates (and drops) a database of its own there.");
  process.exit(1);
}
console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}; Redis ${process.env.REDIS_URL ? "on" : "off"}`);
const scratch = await createScratchDatabase(serverUrl);
try {
  // The app reads its configuration once; point it at the scratch database before it does.
  process.env.DATABASE_URL = scratch.url;
  process.env.LOG_LEVEL ??= "warn";
  // The ingest section sends far more than a token's default allowance per minute: it measures the path, not the limit.
  process.env.MONITORING_INGEST_EVENTS_PER_MINUTE ??= String(10 ** 9);
  const { getDb, closeDb } = await import("../lib/db/client");
  const { getConfig } = await import("../lib/config");
  const { createApiToken } = await import("../lib/auth/tokens");
  const { metricsFlusherService } = await import("../lib/monitoring/flusher");
  const { closeRedis, getRedis } = await import("../lib/redis");
  const redis = getRedis().client;
  if (redis && redis.status !== "ready") await once(redis, "ready");
  const flusher = metricsFlusherService();
  await flusher.start();
  const token = async (role: "VIEWER" | "INGEST") => (await createApiToken(getDb(), { name: `bench ${role}`, role })).token;

  if (wanted("tracking")) await benchTracking();
  if (wanted("prometheus")) await benchPrometheus();
  if (wanted("reads")) await benchAuthenticatedReads(await token("VIEWER"));
  if (wanted("ingest")) await benchIngest(scratch.url, await token("INGEST"), getConfig().monitoring.queues[0]);
  if (wanted("idle")) await benchIdleServer(scratch.url, await token("VIEWER"));
  if (wanted("webhook")) await benchEventToWebhook(scratch.url);
  if (wanted("charts")) await benchCharts(await seedMinuteSamples(scratch.url));
  if (wanted("rules")) {
    await benchRuleSettings();
    await benchAbsenceRules();
  }
  if (wanted("insights")) await benchInsights(scratch.url);

  await flusher.stop();
  await (await import("../lib/auth/token-cache")).closeVerifiedTokenCache();
  await closeRedis();
  await closeDb();
} finally {
  await scratch.drop();
}
const { closeLogger } = await import("../lib/logger");
await closeLogger();
