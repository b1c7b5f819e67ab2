import { expect, test } from "vitest";
import { createAlertEvaluation } from "../../../lib/alerts/evaluation";
import { gatherRuleInputs } from "../../../lib/alerts/inputs";
import { createDb, getDb } from "../../../lib/db/client";
import { collectOnce } from "../../../lib/monitoring/collector";
import { getCollectorReadings } from "../../../lib/monitoring/readings";
import { recordApiRequest, recordJob, recordOrderCreated, recordWhatsAppMessage } from "../../../lib/monitoring/tracker";
import { getRedis } from "../../../lib/redis";
import { CLOSED_PORT } from "../../support/redis";
import { withAlertDatabase } from "./support";

withAlertDatabase({
  MONITORING_ORDER_RATE_THRESHOLD: "1",
  MONITORING_CPU_THRESHOLD: "80",
  MONITORING_DISK_THRESHOLD: "85",
});

const MINUTE = 60_000;

async function hostSample(name: "cpu" | "memory" | "disk", instance: string, value: number, at: Date) {
  await getDb().systemMetric.create({ data: { metricType: "system", metricName: name, value, unit: "percent", instance, recordedAt: at } });
}

/** Three collections whose database probe fails, as the collector runs them while PostgreSQL is down. */
async function failDatabaseProbes(count: number) {
  const unreachable = createDb(`postgresql://postgres@127.0.0.1:${CLOSED_PORT}/none`);
  try {
    for (let i = 0; i < count; i++) {
      const sampleHost = async () => ({ cpu: 10, memory: 10, disk: 10 });
      await collectOnce({ db: unreachable, redis: getRedis(), instance: "web-1", readings: getCollectorReadings(), sampleHost }).catch(() => {});
    }
  } finally {
    await unreachable.$disconnect();
  }
}

test("gathers the tracker's figures, each instance's host usage of the last 5 minutes and the probe streaks, and the rules act on them", async () => {
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  await hostSample("cpu", "web-1", 100, ago(6 * MINUTE)); // outside the window
  await hostSample("cpu", "web-1", 80, ago(4 * MINUTE));
  await hostSample("cpu", "web-1", 90, ago(1 * MINUTE));
  await hostSample("cpu", "web-2", 70, ago(2 * MINUTE));
  await hostSample("disk", "web-1", 50, ago(1 * MINUTE));
  await hostSample("disk", "web-2", 95, ago(3 * MINUTE));
  await hostSample("disk", "web-2", 88, ago(0.5 * MINUTE));
  await getDb().systemMetric.create({ data: { metricType: "orders", metricName: "cpu", value: 99, instance: "web-1", recordedAt: ago(MINUTE) } });

  for (let i = 0; i < 3; i++) recordOrderCreated(now.getTime());
  recordJob("credit-score", "failed", 900, now.getTime());
  recordJob("credit-score", "completed", 300, now.getTime());
  recordWhatsAppMessage("failed", now.getTime());
  recordApiRequest("/api/v1/monitoring/alerts", "GET", 500, 12, now.getTime());
  await failDatabaseProbes(3);

  const inputs = await gatherRuleInputs(getDb(), now);
  expect(inputs).toMatchObject({
    ordersLastHour: 3,
    jobFailures: { failed: 1, total: 2, rate: 50 },
    whatsappFailures: { failed: 1, total: 1, rate: 100 },
    apiErrors: { failed: 1, total: 1, rate: 100 },
    cpu: [
      { value: 85, instance: "web-1" },
      { value: 70, instance: "web-2" },
    ],
    memory: [],
    disk: [
      { value: 50, instance: "web-1" },
      { value: 88, instance: "web-2" },
    ],
    probeFailures: { database: 3, redis: 0 },
  });

  await createAlertEvaluation(getDb())(now);
  const alerts = await getDb().systemAlert.findMany({ orderBy: [{ type: "asc" }, { subject: "asc" }] });
  // Failure rates rest on fewer than MONITORING_MIN_SAMPLES samples, and disk (88 %) is under its critical 95 %.
  expect(alerts.map((alert) => [alert.type, alert.subject, alert.severity])).toEqual([
    ["DATABASE_UNREACHABLE", null, "CRITICAL"],
    ["HIGH_CPU_USAGE", "web-1", "WARNING"],
    ["HIGH_DISK_USAGE", "web-2", "WARNING"],
    ["HIGH_ORDER_CREATION_RATE", null, "WARNING"],
  ]);
  expect(alerts.find((alert) => alert.type === "HIGH_ORDER_CREATION_RATE")?.message).toBe("3 orders in the last hour (threshold 1)");
});
