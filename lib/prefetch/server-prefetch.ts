// Server components seed the client cache through the same lib functions the API routes call
// (never over HTTP), under the same query keys, so the first paint has data and the client's
// hooks carry on from it. A failed read is left out: the client then fetches and shows the error.
import type { QueryClient } from "@tanstack/react-query";
import { getAlertDetail } from "../alerts/queries/get-alert-detail";
import { listAlerts } from "../alerts/queries/list-alerts";
import { alertListQuerySchema } from "../alerts/schemas";
import { alertDetailWithHoldsJson, alertPageWithHoldsJson } from "../alerts/queries/with-holds";
import { listAuditEntries } from "../audit/list-audit-entries";
import { auditListQuery } from "../audit/schemas";
import { listRules } from "../alerts/rule-settings/list-rules";
import { listApiTokens } from "../auth/tokens";
import { listUsers } from "../auth/users";
import { listChannels } from "../channels/list";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { getDashboard } from "../monitoring/dashboard";
import type { TimeRange } from "../shared/time-ranges";
import { getSharedSystemMetrics } from "../monitoring/system-metrics";
import { type AlertFilters, alertListQuery } from "../client-data/alert-filters";
import { ALERT_PAGE_SIZE, alertKeys, alertListPaging, FEED_QUERY } from "../client-data/alert-keys";
import type { AuditFilters } from "../client-data/audit-filters";
import { type AuditPage, auditKeys, auditPaging, auditQuery } from "../client-data/audit-keys";
import { dashboardKeys, systemKeys } from "../client-data/dashboard-keys";
import { asJson } from "../client-data/json";
import { settingsKeys } from "../client-data/settings-keys";
import { ruleKeys } from "../client-data/rule-keys";
import { LIVE_STATES, silenceKeys } from "../client-data/silence-keys";
import { listSilences } from "../silences/list";

export function prefetchDashboard(db: Db, client: QueryClient, range: TimeRange): Promise<void> {
  return client.prefetchQuery({ queryKey: dashboardKeys.range(range), queryFn: async () => asJson(await getDashboard(db, range)) });
}

export function prefetchSystemMetrics(db: Db, client: QueryClient, range: TimeRange, instance?: string): Promise<void> {
  return client.prefetchQuery({ queryKey: systemKeys.range(range, instance), queryFn: async () => asJson(await getSharedSystemMetrics(db, { range, instance })) });
}

async function alertPage(db: Db, query: Record<string, string | undefined>) {
  return alertPageWithHoldsJson(db, await listAlerts(db, alertListQuerySchema.parse(query)));
}

export function prefetchAlertFeed(db: Db, client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: alertKeys.feed(), queryFn: () => alertPage(db, FEED_QUERY) });
}

export function prefetchAlertList(db: Db, client: QueryClient, filters: AlertFilters): Promise<void> {
  return client.prefetchInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: () => alertPage(db, { ...alertListQuery(filters, Date.now()), limit: String(ALERT_PAGE_SIZE) }),
    ...alertListPaging,
  });
}

export function prefetchAlertDetail(db: Db, client: QueryClient, id: string): Promise<void> {
  return client.prefetchQuery({ queryKey: alertKeys.detail(id), queryFn: async () => alertDetailWithHoldsJson(db, await getAlertDetail(db, id)) });
}

export function prefetchChannels(db: Db, client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: settingsKeys.channels(), queryFn: async () => ({ channels: await listChannels(db, getConfig()) }) });
}

export function prefetchRules(db: Db, client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: ruleKeys.list(), queryFn: async () => ({ rules: await listRules(db) }) });
}

/** Tokens and users: only an admin's page asks (their API refuses anyone else). */
export function prefetchAccessLists(db: Db, client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.prefetchQuery({ queryKey: settingsKeys.tokens(), queryFn: async () => ({ tokens: asJson(await listApiTokens(db)) }) }),
    client.prefetchQuery({ queryKey: settingsKeys.users(), queryFn: async () => ({ users: asJson(await listUsers(db)) }) }),
  ]);
}

/** The audit log's first page: only an admin's page asks (the API refuses anyone else). */
export function prefetchAuditLog(db: Db, client: QueryClient, filters: AuditFilters): Promise<void> {
  return client.prefetchInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: async (): Promise<AuditPage> => asJson(await listAuditEntries(db, auditListQuery.parse(auditQuery(filters)))),
    ...auditPaging,
  });
}

export function prefetchSilences(db: Db, client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: silenceKeys.list(LIVE_STATES), queryFn: async () => ({ silences: await listSilences(db, getConfig().monitoring.timeZone, ["active", "upcoming"]) }) });
}
