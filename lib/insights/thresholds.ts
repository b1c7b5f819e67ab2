import { isRuleType } from "../alerts/catalogue";
import { readEffectiveRules } from "../alerts/rule-settings/read";
import type { Db } from "../db/client";
import type { InsightPeriod } from "./period";
import { type ThresholdReplay, replayThreshold } from "./proposed-threshold";
import { REPLAY_SERIES } from "./replay-series";

export interface RuleThreshold extends ThresholdReplay {
  type: string;
  /** The level the rule raises alerts at now: its warning level, or its critical one when it has none. */
  level: number | null;
  /** Null when a proposal was computed; otherwise why none could be. */
  unavailable: string | null;
}

const none = (type: string, level: number | null, unavailable: string): RuleThreshold => ({ type, level, unavailable, minutes: 0, crossings: 0, proposed: null, proposedCrossings: null });

/** The level that would have raised half as many alerts of `type` over the period, from the minute samples. */
export async function proposedThreshold(db: Db, type: string, period: InsightPeriod): Promise<RuleThreshold> {
  const rule = (await readEffectiveRules(db)).find((candidate) => candidate.type === type);
  const series = isRuleType(type) ? REPLAY_SERIES[type] : undefined;
  const level = rule ? (rule.warning ?? rule.critical) : null;
  if (!rule || level === null) return none(type, null, "Alerts of this type are not raised by a rule with a level.");
  if (!series) return none(type, level, "This rule's reading is not kept as minute samples, so no level can be replayed.");
  const replay = await replayThreshold(db, series, level, rule.minSamples ?? 0, period);
  if (replay.minutes === 0) return none(type, level, "No minute samples of this rule's reading in the period (they are kept for MONITORING_RETENTION_DAYS).");
  // Up to the hundredth, so the form shows a short number that still crosses no more often.
  const proposed = replay.proposed === null ? null : Math.ceil(replay.proposed * 100) / 100;
  return { type, level, unavailable: replay.crossings < 2 ? `The stored samples rose above the current level ${replay.crossings === 0 ? "never" : "once"}: nothing to halve.` : null, ...replay, proposed };
}
