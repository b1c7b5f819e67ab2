import { type Dependency, RULE_CATALOGUE, type RuleDefinition, type RuleType, type VariableRuleType } from "./rules";
import { UNITS, type Unit } from "./units";

export * from "./rules";
export { UNITS, type Unit, type UnitId } from "./units";

export const RULE_TYPES = Object.keys(RULE_CATALOGUE) as [RuleType, ...RuleType[]];

/** Rules whose levels the environment sets. */
export const VARIABLE_RULE_TYPES = RULE_TYPES.filter((type): type is VariableRuleType => RULE_CATALOGUE[type].variable !== null);

export function isRuleType(type: string): type is RuleType {
  return Object.hasOwn(RULE_CATALOGUE, type);
}

export function ruleDefinition(type: RuleType): RuleDefinition {
  return RULE_CATALOGUE[type];
}

export function ruleUnit(type: string): Unit | null {
  return isRuleType(type) ? UNITS[RULE_CATALOGUE[type].unit] : null;
}

/** An alert's value or level in its rule's unit ("312 orders/h", "15%", "3 failed probes"); a bare number for types without a rule. */
export function formatRuleValue(type: string, value: number): string {
  return ruleUnit(type)?.format(value) ?? String(Number(value.toFixed(1)));
}

/** The rule's title, or the type in words for alerts no rule raises (TEST_ALERT → Test alert). */
export function ruleTitle(type: string): string {
  if (isRuleType(type)) return RULE_CATALOGUE[type].title;
  const words = type.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The title an alert gets: per-subject rules name their subject ("High CPU usage on web-2"). */
export function alertTitle(type: RuleType, subject: string | null): string {
  return subject ? `${RULE_CATALOGUE[type].title} on ${subject}` : RULE_CATALOGUE[type].title;
}

/** Whether `value` crosses `level` in the rule's direction. */
export function crosses(type: RuleType, value: number, level: number): boolean {
  const rule: RuleDefinition = RULE_CATALOGUE[type];
  if (rule.firesAtLevel && value === level) return true;
  return rule.direction === "above" ? value > level : value < level;
}

/** The dependencies whose outage keeps this type's notices back; none for types no rule raises. */
export function ruleDependencies(type: string): readonly Dependency[] {
  return isRuleType(type) ? RULE_CATALOGUE[type].dependencies : [];
}

/** The dependency an open alert of this type reports down, if its rule reports an outage. */
export function outageReportedBy(type: string): Dependency | undefined {
  return isRuleType(type) ? (RULE_CATALOGUE[type] as RuleDefinition).outageOf : undefined;
}

/** The rule types that report an outage (DATABASE_UNREACHABLE …). */
export const OUTAGE_RULE_TYPES = RULE_TYPES.filter((type) => outageReportedBy(type) !== undefined);
