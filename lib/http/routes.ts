/**
 * Every route under app/api, as Next.js names its folder: the one list of routes. Metric labels
 * come only from it (so no request can add a series), and the API catalogue is keyed by it, so a
 * route added here without its OpenAPI entry does not compile. Its test checks it against the files.
 */
export const ROUTE_TEMPLATES = [
  "/api/auth/[...nextauth]",
  "/api/auth/setup",
  "/api/v1/account/password",
  "/api/v1/audit",
  "/api/v1/monitoring/alerts",
  "/api/v1/monitoring/alerts/[id]",
  "/api/v1/monitoring/alerts/[id]/acknowledge",
  "/api/v1/monitoring/alerts/[id]/resolve",
  "/api/v1/monitoring/alerts/test",
  "/api/v1/monitoring/business-hours",
  "/api/v1/monitoring/channels",
  "/api/v1/monitoring/channels/[id]",
  "/api/v1/monitoring/channels/[id]/test",
  "/api/v1/monitoring/dashboard",
  "/api/v1/monitoring/events",
  "/api/v1/monitoring/health",
  "/api/v1/monitoring/insights",
  "/api/v1/monitoring/insights/alerts.csv",
  "/api/v1/monitoring/insights/thresholds",
  "/api/v1/monitoring/metrics",
  "/api/v1/monitoring/notifications",
  "/api/v1/monitoring/notifications/test",
  "/api/v1/monitoring/prometheus",
  "/api/v1/monitoring/rules",
  "/api/v1/monitoring/rules/[type]",
  "/api/v1/monitoring/rules/[type]/history",
  "/api/v1/monitoring/rules/[type]/overrides",
  "/api/v1/monitoring/services",
  "/api/v1/monitoring/services/[name]/retire",
  "/api/v1/monitoring/silences",
  "/api/v1/monitoring/silences/[id]",
  "/api/v1/monitoring/system-metrics",
  "/api/v1/openapi.json",
  "/api/v1/tokens",
  "/api/v1/tokens/[id]",
  "/api/v1/users",
  "/api/v1/users/[id]",
  "/api/v1/users/[id]/password",
] as const;

export type RouteTemplate = (typeof ROUTE_TEMPLATES)[number];

/** NextAuth's own handler: part of the app, not of the documented REST API. */
export type UndocumentedRoute = "/api/auth/[...nextauth]";
export type DocumentedRoute = Exclude<RouteTemplate, UndocumentedRoute>;

/** The template as OpenAPI spells a path: `/alerts/[id]` becomes `/alerts/{id}`. */
export function openApiPath(template: string): string {
  return template.replace(/\[([^\]]+)\]/g, "{$1}");
}
