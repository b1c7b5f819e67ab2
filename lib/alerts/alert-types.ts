import { RULE_TYPES, type RuleType } from "./catalogue";

/** The drill alert an admin raises to exercise the pipeline; no rule ever touches it. */
export const TEST_ALERT_TYPE = "TEST_ALERT";

/** Every type an alert may have: the catalogue's rules, in evaluation order, and the drill. */
export const ALERT_TYPES = [...RULE_TYPES, TEST_ALERT_TYPE] as [RuleType | typeof TEST_ALERT_TYPE, ...(RuleType | typeof TEST_ALERT_TYPE)[]];

export type AlertType = (typeof ALERT_TYPES)[number];
