import type { Db } from "../../db/client";
import { evaluationSettings } from "../evaluation";
import { gatherRuleInputs } from "../inputs";
import type { EffectiveRule } from "./effective";
import { readEffectiveRules } from "./read";
import { ruleReadings } from "./readings";
import { type RuleJson, ruleJson } from "./rule-json";

/** Every rule with its effective settings and its reading now, from the inputs the evaluator reads. */
export async function listRules(db: Db, now = new Date()): Promise<RuleJson[]> {
  const [rules, inputs] = await Promise.all([readEffectiveRules(db), gatherRuleInputs(db, now)]);
  const readings = ruleReadings(inputs, evaluationSettings(rules));
  return rules.map((rule) => ruleJson(rule, readings[rule.type]));
}

/** One rule after a change, with its reading under the new settings. */
export async function ruleAfterChange(db: Db, changed: EffectiveRule): Promise<RuleJson> {
  const rule = (await listRules(db)).find((candidate) => candidate.type === changed.type);
  return rule ?? ruleJson(changed, null);
}
