import { medianCallMs } from "./stats";

// Each evaluation reads alert_rules afresh, in parallel with its inputs: it should cost no more than they do.
export async function benchRuleSettings() {
  const { readEffectiveRules } = await import("../../lib/alerts/rule-settings/read");
  const { gatherRuleInputs } = await import("../../lib/alerts/inputs");
  const { getDb } = await import("../../lib/db/client");
  await getDb().alertRule.createMany({ data: [{ type: "HIGH_CPU_USAGE", warning: 70, updatedBy: "bench" }, { type: "HIGH_DISK_USAGE", forMs: 60_000, updatedBy: "bench" }] });
  const inputs = await medianCallMs(() => gatherRuleInputs(getDb(), new Date()));
  const settings = await medianCallMs(() => readEffectiveRules(getDb()));
  console.log(`\nAlert evaluation: reading the effective rule settings ${settings.toFixed(2)} ms vs gathering the rule inputs ${inputs.toFixed(2)} ms (p50)  -> ratio ${(settings / inputs).toFixed(2)}x (target <= 1x: read in parallel, it adds no wait)`);
}
