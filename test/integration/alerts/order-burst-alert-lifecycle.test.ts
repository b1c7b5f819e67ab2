import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import * as acknowledgeRoute from "../../../app/api/v1/monitoring/alerts/[id]/acknowledge/route";
import * as resolveRoute from "../../../app/api/v1/monitoring/alerts/[id]/resolve/route";
import * as listRoute from "../../../app/api/v1/monitoring/alerts/route";
import { createAlertEvaluatorService } from "../../../lib/alerts/evaluator-service";
import { createApiToken } from "../../../lib/auth/tokens";
import { getDb } from "../../../lib/db/client";
import { closeLogger } from "../../../lib/logger";
import { recordOrderCreated } from "../../../lib/monitoring/tracker";
import { call } from "../auth/app-env";
import { withAlertDatabase } from "./support";

// An operator's alert drill: MONITORING_ORDER_RATE_THRESHOLD=1, then a few orders. The scheduled evaluation is 10
// minutes away, so only the burst-triggered evaluation can raise the alert during this test.
const context = withAlertDatabase({
  MONITORING_ORDER_RATE_THRESHOLD: "1",
  MONITORING_EVALUATION_INTERVAL: "600000",
  LOG_LEVEL: "info",
});

async function waitForAlert(type: string, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const alert = await getDb().systemAlert.findFirst({ where: { type } });
    if (alert || Date.now() > deadline) return alert;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("three orders raise HIGH_ORDER_CREATION_RATE at once, which can be acknowledged, then resolved, each step logged", async () => {
  const token = (await createApiToken(getDb(), { name: "admin", role: "ADMIN" })).token;
  const evaluator = createAlertEvaluatorService();
  await evaluator.start();
  try {
    for (let i = 0; i < 3; i++) recordOrderCreated();

    const alert = await waitForAlert("HIGH_ORDER_CREATION_RATE", 15_000);
    expect(alert).toMatchObject({ status: "ACTIVE", severity: "WARNING", value: 3, threshold: 1, message: "3 orders in the last hour (threshold 1)" });

    const listed = await (await call(listRoute.GET, { path: "/api/v1/monitoring/alerts", token })).json();
    expect(listed.alerts.map((listedAlert: { type: string }) => listedAlert.type)).toEqual(["HIGH_ORDER_CREATION_RATE"]);

    const id = alert!.id;
    const params = { id };
    const acknowledged = await call(acknowledgeRoute.POST, { method: "POST", token, params, body: { acknowledgedBy: "admin", notes: "Test" } });
    expect(acknowledged.status).toBe(200);
    expect((await acknowledged.json()).status).toBe("ACKNOWLEDGED");

    const resolved = await call(resolveRoute.POST, { method: "POST", token, params, body: { resolvedBy: "admin", resolution: "Test complete" } });
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).status).toBe("RESOLVED");
  } finally {
    await evaluator.stop();
  }

  await closeLogger();
  const combined = fs.readdirSync(context.logDir).filter((name) => name.startsWith("combined-"));
  const lines = combined.flatMap((name) => fs.readFileSync(path.join(context.logDir, name), "utf8").trim().split("\n")).map((line) => JSON.parse(line));
  expect(lines.filter((line) => line.message === "Alert evaluator started")).toHaveLength(1);
  // The alert's life is in the combined log, marked as the monitoring service's.
  const alertSteps = lines.filter((line) => line.message.startsWith("Alert ") && line.alertId);
  expect(alertSteps.map((line) => [line.message, line.actor, line.service])).toEqual([
    ["Alert created: HIGH_ORDER_CREATION_RATE", "system", "khaacho-monitoring"],
    ["Alert acknowledged: HIGH_ORDER_CREATION_RATE", "admin", "khaacho-monitoring"],
    ["Alert resolved: HIGH_ORDER_CREATION_RATE", "admin", "khaacho-monitoring"],
  ]);
});
