// Every route of lib/http/routes.ts with what its OpenAPI entry adds to its own contract (the input
// schemas come from the route's wrapper): a summary and the response schema. A route missing here
// does not compile; a test fails when an exported method has no entry.
import type { ApiEntry } from "@/lib/openapi/document";
import * as r from "@/lib/openapi/responses";
import { notificationsOverviewSchema } from "@/lib/shared/notifications";
import { type DocumentedRoute, openApiPath } from "@/lib/http/routes";
import * as setup from "./auth/setup/route";
import * as accountPassword from "./v1/account/password/route";
import * as audit from "./v1/audit/route";
import * as acknowledge from "./v1/monitoring/alerts/[id]/acknowledge/route";
import * as resolve from "./v1/monitoring/alerts/[id]/resolve/route";
import * as alert from "./v1/monitoring/alerts/[id]/route";
import * as alerts from "./v1/monitoring/alerts/route";
import * as testAlert from "./v1/monitoring/alerts/test/route";
import * as businessHours from "./v1/monitoring/business-hours/route";
import * as channelTest from "./v1/monitoring/channels/[id]/test/route";
import * as channel from "./v1/monitoring/channels/[id]/route";
import * as channels from "./v1/monitoring/channels/route";
import * as dashboard from "./v1/monitoring/dashboard/route";
import * as events from "./v1/monitoring/events/route";
import * as health from "./v1/monitoring/health/route";
import * as insightsCsv from "./v1/monitoring/insights/alerts.csv/route";
import * as insights from "./v1/monitoring/insights/route";
import * as insightThresholds from "./v1/monitoring/insights/thresholds/route";
import * as metrics from "./v1/monitoring/metrics/route";
import * as notifications from "./v1/monitoring/notifications/route";
import * as testNotification from "./v1/monitoring/notifications/test/route";
import * as prometheus from "./v1/monitoring/prometheus/route";
import * as ruleHistory from "./v1/monitoring/rules/[type]/history/route";
import * as ruleOverrides from "./v1/monitoring/rules/[type]/overrides/route";
import * as rule from "./v1/monitoring/rules/[type]/route";
import * as rules from "./v1/monitoring/rules/route";
import * as retireService from "./v1/monitoring/services/[name]/retire/route";
import * as services from "./v1/monitoring/services/route";
import * as silence from "./v1/monitoring/silences/[id]/route";
import * as silences from "./v1/monitoring/silences/route";
import * as systemMetrics from "./v1/monitoring/system-metrics/route";
import * as openapi from "./v1/openapi.json/route";
import * as token from "./v1/tokens/[id]/route";
import * as tokens from "./v1/tokens/route";
import * as userPassword from "./v1/users/[id]/password/route";
import * as user from "./v1/users/[id]/route";
import * as users from "./v1/users/route";

type Entry = Omit<ApiEntry, "path" | "template">;

const ENTRIES = {
  "/api/auth/setup": { handlers: setup, docs: { POST: { summary: "Create the first admin account (only while none exists)", status: 201, response: r.oneUserResponse } } },
  "/api/v1/monitoring/health": { handlers: health, docs: { GET: { summary: "Health of the database and Redis; 503 when unhealthy", response: r.healthResponse } } },
  "/api/v1/monitoring/metrics": { handlers: metrics, docs: { GET: { summary: "Orders, WhatsApp, jobs, API, database and host figures", response: r.metricsResponse } } },
  "/api/v1/monitoring/dashboard": { handlers: dashboard, docs: { GET: { summary: "Health, metrics, open alerts and chart series (as columns) in one call", response: r.dashboardResponse } } },
  "/api/v1/monitoring/system-metrics": { handlers: systemMetrics, docs: { GET: { summary: "CPU, memory and disk series per instance", response: r.systemMetricsResponse } } },
  "/api/v1/monitoring/insights": {
    handlers: insights,
    docs: { GET: { summary: "Response times, alert volume, noisy rules, delivery per channel and who acted, over 7, 30 or 90 local days", response: r.insightsResponse } },
  },
  "/api/v1/monitoring/insights/thresholds": {
    handlers: insightThresholds,
    docs: { GET: { summary: "The level that would have raised a rule's alerts half as often over the range, replayed from the minute samples", response: r.thresholdResponse } },
  },
  "/api/v1/monitoring/insights/alerts.csv": {
    handlers: insightsCsv,
    docs: { GET: { summary: "The range's alerts as CSV: times in MONITORING_TIMEZONE, actors and durations (at most 50,000, newest first)", contentType: "text/csv", response: r.textResponse } },
  },
  "/api/v1/monitoring/prometheus": { handlers: prometheus, docs: { GET: { summary: "The metrics in Prometheus text format", contentType: "text/plain", response: r.textResponse } } },
  "/api/v1/monitoring/rules": { handlers: rules, docs: { GET: { summary: "Every alert rule with its effective settings, their sources and its reading now", response: r.rulesResponse } } },
  "/api/v1/monitoring/rules/[type]": { handlers: rule, docs: { PATCH: { summary: "Change a rule's settings (enabled, levels, min samples, cooldown, pending duration)", response: r.oneRuleResponse } } },
  "/api/v1/monitoring/rules/[type]/overrides": { handlers: ruleOverrides, docs: { DELETE: { summary: "Reset a rule to its environment values", response: r.oneRuleResponse } } },
  "/api/v1/monitoring/rules/[type]/history": { handlers: ruleHistory, docs: { GET: { summary: "A rule's change history from the audit log", response: r.ruleHistoryResponse } } },
  "/api/v1/monitoring/business-hours": {
    handlers: businessHours,
    docs: { GET: { summary: "Business hours, with their source", response: r.businessHoursResponse }, PUT: { summary: "Change the business hours", response: r.businessHoursResponse } },
  },
  "/api/v1/monitoring/channels": {
    handlers: channels,
    docs: {
      GET: { summary: "Notification channels, from the environment and from settings, secrets masked", response: r.channelListResponse },
      POST: { summary: "Add a notification channel", status: 201, response: r.channelResponse },
    },
  },
  "/api/v1/monitoring/channels/[id]": {
    handlers: channel,
    docs: { PATCH: { summary: "Change a notification channel", response: r.channelResponse }, DELETE: { summary: "Delete a notification channel", response: r.channelResponse } },
  },
  "/api/v1/monitoring/channels/[id]/test": { handlers: channelTest, docs: { POST: { summary: "Send a test message on one channel", response: r.testDeliveryResponse } } },
  "/api/v1/monitoring/services": { handlers: services, docs: { GET: { summary: "Platform services with their last heartbeat", response: r.serviceListResponse } } },
  "/api/v1/monitoring/services/[name]/retire": { handlers: retireService, docs: { POST: { summary: "Retire a service so it stops counting", response: r.oneServiceResponse } } },
  "/api/v1/monitoring/silences": {
    handlers: silences,
    docs: {
      GET: { summary: "Silences and maintenance windows with their state and next occurrence", response: r.silenceListResponse },
      POST: { summary: "Create a silence or a maintenance window", status: 201, response: r.silenceResponse },
    },
  },
  "/api/v1/monitoring/silences/[id]": { handlers: silence, docs: { DELETE: { summary: "End a silence or maintenance window now", response: r.silenceResponse } } },
  "/api/v1/monitoring/alerts": { handlers: alerts, docs: { GET: { summary: "List alerts, newest first", response: r.alertPageResponse } } },
  "/api/v1/monitoring/alerts/[id]": { handlers: alert, docs: { GET: { summary: "One alert with its timeline and notifications", response: r.alertDetailResponse } } },
  "/api/v1/monitoring/alerts/[id]/acknowledge": { handlers: acknowledge, docs: { POST: { summary: "Acknowledge an active alert", response: r.alertResponse } } },
  "/api/v1/monitoring/alerts/[id]/resolve": { handlers: resolve, docs: { POST: { summary: "Resolve an open alert", response: r.alertResponse } } },
  "/api/v1/monitoring/alerts/test": { handlers: testAlert, docs: { POST: { summary: "Raise a test alert through the whole pipeline", status: 201, response: r.alertResponse } } },
  "/api/v1/monitoring/notifications": { handlers: notifications, docs: { GET: { summary: "Channel states and recent deliveries", response: notificationsOverviewSchema } } },
  "/api/v1/monitoring/notifications/test": { handlers: testNotification, docs: { POST: { summary: "Send a test message on one channel", response: r.testDeliveryResponse } } },
  "/api/v1/monitoring/events": { handlers: events, docs: { POST: { summary: "Report a batch of platform events", status: 202, response: r.ingestResponse } } },
  "/api/v1/tokens": {
    handlers: tokens,
    docs: { GET: { summary: "List API tokens", response: r.tokenListResponse }, POST: { summary: "Create an API token (shown once)", status: 201, response: r.createdTokenResponse } },
  },
  "/api/v1/tokens/[id]": { handlers: token, docs: { DELETE: { summary: "Revoke an API token", response: r.oneTokenResponse } } },
  "/api/v1/users": {
    handlers: users,
    docs: { GET: { summary: "List dashboard users", response: r.userListResponse }, POST: { summary: "Add a dashboard user", status: 201, response: r.oneUserResponse } },
  },
  "/api/v1/users/[id]": {
    handlers: user,
    docs: { PATCH: { summary: "Change a user's role", response: r.oneUserResponse }, DELETE: { summary: "Remove a user", response: r.oneUserResponse } },
  },
  "/api/v1/account/password": { handlers: accountPassword, docs: { POST: { summary: "Change your own password (ends your sessions)", status: 204, response: null } } },
  "/api/v1/users/[id]/password": { handlers: userPassword, docs: { POST: { summary: "Reset another user's password (ends their sessions)", status: 204, response: null } } },
  "/api/v1/audit": { handlers: audit, docs: { GET: { summary: "The audit log of operator changes and sign-ins, newest first", response: r.auditPageResponse } } },
  "/api/v1/openapi.json": { handlers: openapi, docs: { GET: { summary: "This OpenAPI document", response: r.openApiDocumentResponse } } },
} satisfies Record<DocumentedRoute, Entry>;

export const API_CATALOGUE: readonly ApiEntry[] = Object.entries(ENTRIES).map(([template, entry]: [string, Entry]) => ({ template, path: openApiPath(template), ...entry }));
