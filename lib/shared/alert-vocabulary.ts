// Alert statuses and severities as the API, the dashboard and the database enums spell them.
// Free of server imports, so client components use the same lists the route schemas validate with.

/** In lifecycle order. */
export const ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED", "RESOLVED"] as const;
/** Most severe first. */
export const ALERT_SEVERITIES = ["CRITICAL", "WARNING"] as const;

export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const SEVERITY_LABELS: Record<AlertSeverity, string> = { CRITICAL: "Critical", WARNING: "Warning" };
