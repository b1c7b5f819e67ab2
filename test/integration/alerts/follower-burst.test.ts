import { expect, test } from "vitest";
import { withInstanceCluster } from "../fixtures/monitor-instances";
import { waitFor } from "../../support/fake-servers";

const THRESHOLD = 20;
const cluster = withInstanceCluster();

test("a burst that lands on a follower raises its alert at once, not at the leader's next scheduled evaluation", { timeout: 90_000 }, async () => {
  // Scheduled evaluations far apart: only the burst path can raise the alert within the wait.
  const instances = await cluster.start(["burst-a", "burst-b"], () => ({ MONITORING_EVALUATION_INTERVAL: "600000", MONITORING_ORDER_RATE_THRESHOLD: String(THRESHOLD) }));
  const roles = await Promise.all(instances.map((instance) => instance.ask("leader")));
  expect(roles.toSorted()).toEqual(["false", "true"]);
  const follower = instances[roles.indexOf("false")];

  await follower.ask(`orders ${THRESHOLD + 10}`);
  const alerts = await waitFor(async () => {
    const found = await cluster.db.systemAlert.findMany({ where: { type: "HIGH_ORDER_CREATION_RATE" } });
    return found.length > 0 && found;
  }, "the alert of the follower's burst", 20_000);
  expect(alerts).toHaveLength(1);
  expect(alerts[0].value).toBe(THRESHOLD + 10);
});
