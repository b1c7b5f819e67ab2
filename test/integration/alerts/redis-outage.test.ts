import { expect, test } from "vitest";
import { createAlertEvaluation } from "../../../lib/alerts/evaluation";
import { getDb } from "../../../lib/db/client";
import { collectOnce } from "../../../lib/monitoring/collector";
import { getCollectorReadings } from "../../../lib/monitoring/readings";
import { getRedis } from "../../../lib/redis";
import { CLOSED_PORT } from "../../support/redis";
import { withAlertDatabase } from "./support";

// Redis is configured but down: the evaluation must still run and say so.
withAlertDatabase({ REDIS_URL: `redis://127.0.0.1:${CLOSED_PORT}` });

test("REDIS_UNREACHABLE fires CRITICAL after 3 collections whose Redis probe failed", async () => {
  const sampleHost = async () => ({ cpu: 10, memory: 10, disk: 10 });
  const collect = () => collectOnce({ db: getDb(), redis: getRedis(), instance: "web-1", readings: getCollectorReadings(), sampleHost });
  await collect();
  await collect();
  await createAlertEvaluation(getDb())();
  expect(await getDb().systemAlert.count()).toBe(0);

  await collect();
  await createAlertEvaluation(getDb())();
  const alerts = await getDb().systemAlert.findMany();
  expect(alerts.map((alert) => [alert.type, alert.severity, alert.value])).toEqual([["REDIS_UNREACHABLE", "CRITICAL", 3]]);
  expect(alerts[0].message).toBe("Redis failed its health probe 3 times in a row (threshold 3)");
});
