import { medianCallMs } from "./stats";

// What the rules on missing things add to one evaluation's cost: the inputs every rule had before
// (metrics snapshot and host usage) against all inputs, on the benchmark's seeded database.
export async function benchAbsenceRules(): Promise<void> {
  const { gatherRuleInputs } = await import("../../lib/alerts/inputs");
  const { getHostUsage } = await import("../../lib/alerts/queries/host-usage");
  const { orderBaseline } = await import("../../lib/alerts/queries/order-history");
  const { createWatch } = await import("../../lib/alerts/watch");
  const { getDb } = await import("../../lib/db/client");
  const { getMetricsSnapshot } = await import("../../lib/monitoring/metrics");
  const watch = createWatch(Date.now() - 86_400_000);
  const before = await medianCallMs(() => Promise.all([getMetricsSnapshot(new Date()), getHostUsage(getDb(), new Date())]));
  const all = await medianCallMs(() => gatherRuleInputs(getDb(), new Date(), watch));
  const baseline = await medianCallMs(() => orderBaseline(getDb(), new Date()));
  console.log("\nRule inputs per evaluation (p50), with the absence rules' order history, heartbeats and queues");
  console.log(`  inputs of the threshold rules only:  ${before.toFixed(2)} ms`);
  console.log(`  all inputs, absence rules included:  ${all.toFixed(2)} ms  -> ratio ${(all / before).toFixed(2)}x`);
  console.log(`  of which the 4-week order baseline:  ${baseline.toFixed(2)} ms`);
}
