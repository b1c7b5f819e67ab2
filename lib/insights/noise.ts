import type { AlertCount, AlertDay, Measure } from "./days/alert-days";
import { alertsOf, type PeriodDay, valuesOf } from "./days/period-days";
import { byCodePoint, percentileCont } from "./percentile-cont";

export interface RuleNoise {
  type: string;
  alerts: number;
  /** Cleared by themselves within FLAPPING_MS of opening. */
  flapping: number;
  resolvedWithoutAcknowledgement: number;
  /** Medians over the alerts of the rule: the reading each opened at, and the level it crossed then. */
  medianOpeningValue: number | null;
  medianOpeningThreshold: number | null;
}

/** Per rule: flapping, never acknowledged, and how far past its level a typical alert opened. */
export function ruleNoise(days: PeriodDay<AlertDay>[]): RuleNoise[] {
  const totals = alertsOf(days, true);
  return [...new Set(totals.counts.map((row) => row.type))]
    .map((type) => {
      const rows = totals.counts.filter((row) => row.type === type);
      const median = (measure: Measure) => percentileCont(valuesOf(totals, rows, measure), 0.5);
      const sum = (pick: (row: AlertCount) => number) => rows.reduce((all, row) => all + pick(row), 0);
      return {
        type,
        alerts: sum((row) => row.alerts),
        flapping: sum((row) => row.flapping),
        resolvedWithoutAcknowledgement: sum((row) => row.resolvedByPerson + row.resolvedAutomatically),
        medianOpeningValue: median("value"),
        medianOpeningThreshold: median("threshold"),
      };
    })
    .sort((a, b) => b.flapping - a.flapping || b.alerts - a.alerts || byCodePoint(a.type, b.type));
}
