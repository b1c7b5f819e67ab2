import { expect, test } from "vitest";
import { withInstanceCluster } from "../fixtures/monitor-instances";
import { waitFor, withFakeWebhook } from "../../support/fake-servers";

// Longer than a Redis lease (10 s): a leader that needed Redis would have stepped down by then.
const OUTAGE_BEFORE_CONDITION_MS = 12_000;
const THRESHOLD = 20;

const cluster = withInstanceCluster();
const webhook = withFakeWebhook();

const orderAlerts = () => cluster.db.systemAlert.findMany({ where: { type: "HIGH_ORDER_CREATION_RATE" } });
const orderHooks = () => webhook.requests.filter((request) => request.body.includes("HIGH_ORDER_CREATION_RATE"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("with Redis stopped, two instances still raise exactly one alert and one notification, and still one once Redis returns", { timeout: 120_000 }, async () => {
  const { redis, db } = cluster;
  const instances = await cluster.start(["outage-a", "outage-b"], () => ({
    MONITORING_EVALUATION_INTERVAL: "1000",
    MONITORING_ORDER_RATE_THRESHOLD: String(THRESHOLD),
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `${webhook.url}/hook`,
  }));
  for (const instance of instances) await instance.ask("orders 1");

  await redis.stop();
  // Traffic below the threshold goes on through the outage.
  const outageStarted = Date.now();
  while (Date.now() - outageStarted < OUTAGE_BEFORE_CONDITION_MS) {
    for (const instance of instances) await instance.ask("orders 1");
    await sleep(2000);
  }
  expect(await orderAlerts()).toHaveLength(0);

  // The condition, seen by each instance on its own while the counters cannot be shared.
  for (const instance of instances) await instance.ask(`orders ${THRESHOLD + 5}`);
  const [alert] = await waitFor(async () => (await orderAlerts()).length > 0 && orderAlerts(), "the alert raised during the outage", 30_000);
  await waitFor(() => orderHooks().length > 0, "its webhook notification", 30_000);
  const leaders = await Promise.all(instances.map((instance) => instance.ask("leader")));
  expect(leaders.filter((answer) => answer === "true")).toHaveLength(1);

  await redis.start();
  // The instances reconnect and flush what they counted alone, then evaluate a few times more.
  await sleep(8000);
  expect((await orderAlerts()).map(({ id, status }) => ({ id, status }))).toEqual([{ id: alert.id, status: "ACTIVE" }]);
  expect(await db.notification.groupBy({ by: ["channel"], where: { alertId: alert.id }, _count: true })).toEqual([{ channel: "WEBHOOK", _count: 1 }]);
  expect(orderHooks()).toHaveLength(1);
  const leadersAfter = await Promise.all(instances.map((instance) => instance.ask("leader")));
  expect(leadersAfter.filter((answer) => answer === "true")).toHaveLength(1);
});
