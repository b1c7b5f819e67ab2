import { getConfig, type Thresholds } from "../../config";
import { getLogger } from "../../logger";
import { VARIABLE_RULE_TYPES } from "../catalogue";
import type { Db } from "../../db/client";
import { type EffectiveRule, effectiveRules } from "./effective";

/**
 * Every rule's effective settings, read afresh: alert_rules holds at most one small row per rule,
 * so reading it whole is as cheap as a version check, and every instance sees an edit at its next
 * evaluation with no restart and no message between instances.
 */
export async function readEffectiveRules(db: Db): Promise<EffectiveRule[]> {
  return effectiveRules(getConfig(), await db.alertRule.findMany());
}

/** The levels the dashboard colours figures by: the effective ones, or the environment's while PostgreSQL is unreachable. */
export async function currentThresholds(db: Db): Promise<Thresholds> {
  try {
    const rules = new Map((await readEffectiveRules(db)).map((rule) => [rule.type, rule]));
    return Object.fromEntries(VARIABLE_RULE_TYPES.map((type) => [type, { warning: rules.get(type)!.warning!, critical: rules.get(type)!.critical }])) as Thresholds;
  } catch (error) {
    getLogger("alerts").warn("Alert rule settings unavailable: the dashboard shows the environment's levels", { error: error instanceof Error ? error.message : String(error) });
    return getConfig().thresholds;
  }
}
