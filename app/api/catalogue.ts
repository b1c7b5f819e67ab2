// Every route under app/api with what its OpenAPI entry adds to its own contract (the schemas
// come from the route's wrapper). A test fails when a route file or an exported method is missing.
import { alertDetailResponse, alertPageResponse, alertResponse, healthResponse, ingestResponse } from "@/lib/openapi/responses";
import type { ApiEntry } from "@/lib/openapi/document";
import { insightsResponse, thresholdResponse } from "@/lib/openapi/insights-responses";
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

const M = "/api/v1/monitoring";

export const API_CATALOGUE: readonly ApiEntry[] = [
  { path: "/api/auth/setup", handlers: setup, docs: { POST: { summary: "Create the first admin account (only while none exists)", status: 201 } } },
  { path: `${M}/health`, handlers: health, docs: { GET: { summary: "Health of the database and Redis; 503 when unhealthy", response: healthResponse } } },
  { path: `${M}/metrics`, handlers: metrics, docs: { GET: { summary: "Orders, WhatsApp, jobs, API, database and host figures" } } },
  { path: `${M}/dashboard`, handlers: dashboard, docs: { GET: { summary: "Health, metrics, open alerts and chart series in one call" } } },
  { path: `${M}/system-metrics`, handlers: systemMetrics, docs: { GET: { summary: "CPU, memory and disk series per instance" } } },
  { path: `${M}/insights`, handlers: insights, docs: { GET: { summary: "Response times, alert volume, noisy rules, delivery per channel and who acted, over 7, 30 or 90 local days", response: insightsResponse } } },
  { path: `${M}/insights/thresholds`, handlers: insightThresholds, docs: { GET: { summary: "The level that would have raised a rule's alerts half as often over the range, replayed from the minute samples", response: thresholdResponse } } },
  { path: `${M}/insights/alerts.csv`, handlers: insightsCsv, docs: { GET: { summary: "The range's alerts as CSV: times in MONITORING_TIMEZONE, actors and durations (at most 50,000, newest first)", contentType: "text/csv" } } },
  { path: `${M}/prometheus`, handlers: prometheus, docs: { GET: { summary: "The metrics in Prometheus text format", contentType: "text/plain" } } },
  { path: `${M}/rules`, handlers: rules, docs: { GET: { summary: "Every alert rule with its effective settings, their sources and its reading now" } } },
  { path: `${M}/rules/{type}`, handlers: rule, docs: { PATCH: { summary: "Change a rule's settings (enabled, levels, min samples, cooldown, pending duration)" } } },
  { path: `${M}/rules/{type}/overrides`, handlers: ruleOverrides, docs: { DELETE: { summary: "Reset a rule to its environment values" } } },
  { path: `${M}/rules/{type}/history`, handlers: ruleHistory, docs: { GET: { summary: "A rule's change history from the audit log" } } },
  { path: `${M}/business-hours`, handlers: businessHours, docs: { GET: { summary: "Business hours, with their source" }, PUT: { summary: "Change the business hours" } } },
  { path: `${M}/channels`, handlers: channels, docs: { GET: { summary: "Notification channels, from the environment and from settings, secrets masked" }, POST: { summary: "Add a notification channel", status: 201 } } },
  { path: `${M}/channels/{id}`, handlers: channel, docs: { PATCH: { summary: "Change a notification channel" }, DELETE: { summary: "Delete a notification channel" } } },
  { path: `${M}/channels/{id}/test`, handlers: channelTest, docs: { POST: { summary: "Send a test message on one channel" } } },
  { path: `${M}/services`, handlers: services, docs: { GET: { summary: "Platform services with their last heartbeat" } } },
  { path: `${M}/services/{name}/retire`, handlers: retireService, docs: { POST: { summary: "Retire a service so it stops counting" } } },
  { path: `${M}/silences`, handlers: silences, docs: { GET: { summary: "Silences and maintenance windows with their state and next occurrence" }, POST: { summary: "Create a silence or a maintenance window", status: 201 } } },
  { path: `${M}/silences/{id}`, handlers: silence, docs: { DELETE: { summary: "End a silence or maintenance window now" } } },
  { path: `${M}/alerts`, handlers: alerts, docs: { GET: { summary: "List alerts, newest first", response: alertPageResponse } } },
  { path: `${M}/alerts/{id}`, handlers: alert, docs: { GET: { summary: "One alert with its timeline and notifications", response: alertDetailResponse } } },
  { path: `${M}/alerts/{id}/acknowledge`, handlers: acknowledge, docs: { POST: { summary: "Acknowledge an active alert", response: alertResponse } } },
  { path: `${M}/alerts/{id}/resolve`, handlers: resolve, docs: { POST: { summary: "Resolve an open alert", response: alertResponse } } },
  { path: `${M}/alerts/test`, handlers: testAlert, docs: { POST: { summary: "Raise a test alert through the whole pipeline", status: 201, response: alertResponse } } },
  { path: `${M}/notifications`, handlers: notifications, docs: { GET: { summary: "Channel states and recent deliveries" } } },
  { path: `${M}/notifications/test`, handlers: testNotification, docs: { POST: { summary: "Send a test message on one channel" } } },
  { path: `${M}/events`, handlers: events, docs: { POST: { summary: "Report a batch of platform events", status: 202, response: ingestResponse } } },
  { path: "/api/v1/tokens", handlers: tokens, docs: { GET: { summary: "List API tokens" }, POST: { summary: "Create an API token (shown once)", status: 201 } } },
  { path: "/api/v1/tokens/{id}", handlers: token, docs: { DELETE: { summary: "Revoke an API token" } } },
  { path: "/api/v1/users", handlers: users, docs: { GET: { summary: "List dashboard users" }, POST: { summary: "Add a dashboard user", status: 201 } } },
  { path: "/api/v1/users/{id}", handlers: user, docs: { PATCH: { summary: "Change a user's role" }, DELETE: { summary: "Remove a user" } } },
  { path: "/api/v1/account/password", handlers: accountPassword, docs: { POST: { summary: "Change your own password (ends your sessions)" } } },
  { path: "/api/v1/users/{id}/password", handlers: userPassword, docs: { POST: { summary: "Reset another user's password (ends their sessions)" } } },
  { path: "/api/v1/audit", handlers: audit, docs: { GET: { summary: "The audit log of operator changes and sign-ins, newest first" } } },
  { path: "/api/v1/openapi.json", handlers: openapi, docs: { GET: { summary: "This OpenAPI document" } } },
];
