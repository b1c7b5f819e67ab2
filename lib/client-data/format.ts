import { formatRuleValue, ruleTitle } from "../alerts/catalogue";

// How figures read on the dashboard: one place, so the same number never shows two ways.

const counts = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  return value == null ? "—" : counts.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value == null ? "—" : `${decimals.format(value)}%`;
}

export function formatMs(value: number | null | undefined): string {
  if (value == null) return "—";
  return value >= 1000 ? `${decimals.format(value / 1000)} s` : `${counts.format(value)} ms`;
}

const UNITS: [suffix: string, seconds: number][] = [["d", 86_400], ["h", 3_600], ["m", 60], ["s", 1]];

/** Seconds as the largest unit and the next: "3d 4h", "5h 0m", "42s". */
export function formatUptime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const first = UNITS.findIndex(([, size]) => total >= size);
  if (first === -1) return "0s";
  const [[bigSuffix, bigSize], next] = [UNITS[first], UNITS[first + 1]];
  const big = `${Math.floor(total / bigSize)}${bigSuffix}`;
  return next ? `${big} ${Math.floor((total % bigSize) / next[1])}${next[0]}` : big;
}

/** HIGH_DB_LATENCY → High database latency: the rule catalogue's title. */
export function alertTypeLabel(type: string): string {
  return ruleTitle(type);
}

/** An alert's value or threshold in its rule's unit, as the rule catalogue formats it. */
export function formatAlertFigure(type: string, value: number | null): string {
  return value == null ? "—" : formatRuleValue(type, value);
}

/** A duration in seconds as its two largest units ("2m 36s", "1h 4m"); a dash when there is none. */
export function formatDuration(seconds: number | null | undefined): string {
  return seconds == null ? "—" : formatUptime(seconds);
}
