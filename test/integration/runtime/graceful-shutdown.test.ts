import { expect, test } from "vitest";
import { createRedisCounterStore } from "../../../lib/monitoring/counter-store";
import { ORDERS_FIELD } from "../../../lib/monitoring/fields";
import { METRICS_KEY_PREFIX } from "../../../lib/monitoring/tracker";
import { createRedis } from "../../../lib/redis";
import { withInstanceCluster } from "../fixtures/monitor-instances";
import { whenReady } from "../monitoring/redis-server";
import { waitFor, withFakeWebhook } from "../../support/fake-servers";

const THRESHOLD = 20;
const cluster = withInstanceCluster();
const webhook = withFakeWebhook();

test("SIGTERM with a delivery in flight and figures not yet flushed: the delivery completes, the figures reach Redis, and the process exits cleanly", { timeout: 90_000 }, async () => {
  const [instance] = await cluster.start(["shutdown-a"], () => ({
    MONITORING_EVALUATION_INTERVAL: "1000",
    MONITORING_ORDER_RATE_THRESHOLD: String(THRESHOLD),
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `${webhook.url}/hook`,
  }));
  const release = webhook.hold();
  await instance.ask(`orders ${THRESHOLD + 5}`);
  await waitFor(() => webhook.requests.length === 1, "the alert's delivery to be in flight", 30_000);

  // Recorded just before the signal, so they are still in the tracker's pending batch.
  await instance.ask("orders 7");
  instance.child.kill("SIGTERM");
  setTimeout(release, 500);
  expect(await instance.stop()).toBe(0);

  const [notification] = await cluster.db.notification.findMany();
  expect(notification).toMatchObject({ channel: "WEBHOOK", status: "SENT", attempts: 1 });
  const redis = createRedis(cluster.redis.url);
  try {
    await whenReady(redis);
    const totals = await createRedisCounterStore(redis.client!, METRICS_KEY_PREFIX).totals("counters");
    expect(totals.get(ORDERS_FIELD)).toBe(THRESHOLD + 5 + 7);
  } finally {
    await redis.close();
  }
});
