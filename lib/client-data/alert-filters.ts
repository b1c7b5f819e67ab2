import { ALERT_TYPES, type AlertType } from "../alerts/alert-types";
import { ALERT_SEVERITIES, ALERT_STATUSES, type AlertSeverity } from "../shared/alert-vocabulary";
import { type SearchParamsLike, oneOf, readParam } from "./search-params";

/** "open" is every status but RESOLVED: what needs a person. */
export const STATUS_FILTERS = ["open", ...ALERT_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const HOUR_MS = 3_600_000;
export const SINCE_MS = { "1h": HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;
export type Since = keyof typeof SINCE_MS;
const SINCE_OPTIONS = Object.keys(SINCE_MS) as Since[];

/** The alert list's filters as they stand in the URL (?status=open&type=…&severity=…&since=24h). */
export interface AlertFilters {
  status?: StatusFilter;
  type?: AlertType;
  severity?: AlertSeverity;
  since?: Since;
}

export function readAlertFilters(params: SearchParamsLike): AlertFilters {
  return {
    status: oneOf(readParam(params, "status"), STATUS_FILTERS),
    type: oneOf(readParam(params, "type"), ALERT_TYPES),
    severity: oneOf(readParam(params, "severity"), ALERT_SEVERITIES),
    since: oneOf(readParam(params, "since"), SINCE_OPTIONS),
  };
}

/** Filters without the unset ones, so equal filters make equal query keys. */
export function compactFilters(filters: AlertFilters): AlertFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as AlertFilters;
}

/** The GET /alerts query for the filters; `since` becomes `from`, counted back from `now`. */
export function alertListQuery(filters: AlertFilters, now: number): Record<string, string | undefined> {
  return {
    status: filters.status === "open" ? "ACTIVE,ACKNOWLEDGED" : filters.status,
    type: filters.type,
    severity: filters.severity,
    from: filters.since ? new Date(now - SINCE_MS[filters.since]).toISOString() : undefined,
  };
}
