import type { AlertCount, AlertDay } from "./days/alert-days";
import { alertsOf, type PeriodDay } from "./days/period-days";

export interface DayVolume {
  /** The local date in MONITORING_TIMEZONE, YYYY-MM-DD. */
  day: string;
  warning: number;
  critical: number;
}

/** What became of alerts: each alert counts once, by the first of these that applies. */
export interface Outcomes {
  acknowledged: number;
  resolvedByPerson: number;
  resolvedAutomatically: number;
  open: number;
}

export interface RuleVolume extends Outcomes {
  type: string;
  alerts: number;
  critical: number;
}

export interface VolumeSection {
  total: number;
  perDay: DayVolume[];
  byRule: RuleVolume[];
  outcomes: Outcomes;
}

/** Alerts per local day and severity (every day of the period, empty ones too), per rule, and their outcomes. */
export function alertVolume(days: PeriodDay<AlertDay>[]): VolumeSection {
  const current = days.filter((day) => day.current);
  const perDay = current.map(({ day, figures }) => ({
    day,
    warning: total(figures.counts.filter((row) => row.severity === "WARNING")).alerts,
    critical: total(figures.counts.filter((row) => row.severity === "CRITICAL")).alerts,
  }));
  const { counts } = alertsOf(days, true);
  const types = [...new Set(counts.map((row) => row.type))];
  const byRule = types
    .map((type) => {
      const rows = counts.filter((row) => row.type === type);
      const { alerts, ...outcomes } = total(rows);
      return { type, alerts, critical: total(rows.filter((row) => row.severity === "CRITICAL")).alerts, ...outcomes };
    })
    .sort((a, b) => b.alerts - a.alerts || a.type.localeCompare(b.type));
  const { alerts, ...outcomes } = total(counts);
  return { total: alerts, perDay, byRule, outcomes };
}

function total(rows: AlertCount[]): Outcomes & { alerts: number } {
  const sum = (pick: (row: AlertCount) => number) => rows.reduce((all, row) => all + pick(row), 0);
  return {
    alerts: sum((row) => row.alerts),
    acknowledged: sum((row) => row.acknowledged),
    resolvedByPerson: sum((row) => row.resolvedByPerson),
    resolvedAutomatically: sum((row) => row.resolvedAutomatically),
    open: sum((row) => row.open),
  };
}
