/**
 * Every route under app/api, as Next.js names its folder. Metric labels come only from this list,
 * so no request (an odd encoding, an unknown path, an unauthenticated flood) can add a series.
 * route-templates.test.ts checks it against the route files.
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

/** The one label of every path that is not a known route. */
export const UNMATCHED_ROUTE = "unmatched";

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type Segment = { literal: string } | { dynamic: "one" | "rest" };

function compile(template: string): Segment[] {
  return template
    .split("/")
    .slice(1)
    .map((part) => (part.startsWith("[...") ? { dynamic: "rest" } : part.startsWith("[") ? { dynamic: "one" } : { literal: part }));
}

// Literal segments first, so /alerts/test is itself rather than /alerts/[id] with id "test".
const COMPILED = ROUTE_TEMPLATES.map((template) => ({ template, segments: compile(template) })).sort(
  (a, b) => literalCount(b.segments) - literalCount(a.segments),
);

function literalCount(segments: Segment[]): number {
  return segments.filter((segment) => "literal" in segment).length;
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if ("literal" in segment) {
      if (parts[i] !== segment.literal) return false;
    } else if (segment.dynamic === "rest") {
      return parts.length > i && parts.slice(i).every(Boolean);
    } else if (!parts[i]) return false;
  }
  return parts.length === segments.length;
}

/** The route template a path belongs to, or "unmatched": dynamic segments match any one segment. */
export function routeTemplateOf(pathname: string): string {
  const parts = pathname.split("/").slice(1);
  return COMPILED.find(({ segments }) => matches(segments, parts))?.template ?? UNMATCHED_ROUTE;
}

/** The method as a label: only standard methods, anything else is OTHER. */
export function methodLabel(method: string): string {
  return KNOWN_METHODS.has(method) ? method : "OTHER";
}

export function isKnownRouteLabel(route: string): boolean {
  return route === UNMATCHED_ROUTE || (ROUTE_TEMPLATES as readonly string[]).includes(route);
}
