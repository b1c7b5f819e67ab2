// Server components seed the client cache through the same lib functions the API routes call
// (never over HTTP), under the same query keys, so the first paint has data and the client's
// hooks carry on from it. A failed read is left out: the client then fetches and shows the error.
import type { QueryClient } from "@tanstack/react-query";
import { getAlertDetail } from "../alerts/queries/get-alert-detail";
import { listAlerts } from "../alerts/queries/list-alerts";
import { alertListQuerySchema } from "../alerts/schemas";
import { alertDetailJson, alertPageJson } from "../alerts/serialize";
import { listRules } from "../alerts/rule-settings/list-rules";
import { listApiTokens } from "../auth/tokens";
import { listUsers } from "../auth/users";
import { getDb } from "../db/client";
import { getDashboard } from "../monitoring/dashboard";
import type { Range } from "../monitoring/ranges";
import { getSystemMetrics } from "../monitoring/system-metrics";
import { listDeliveries } from "../notify/deliveries";
import { getChannelsOverview } from "../notify/overview";
import { type AlertFilters, alertListQuery } from "./alert-filters";
import { ALERT_PAGE_SIZE, alertKeys, alertListPaging, FEED_QUERY } from "./alert-keys";
import { dashboardKeys, systemKeys } from "./dashboard-keys";
import { asJson } from "./json";
import { ruleKeys } from "./rule-keys";
import { settingsKeys } from "./settings-keys";

export function prefetchDashboard(client: QueryClient, range: Range): Promise<void> {
  return client.prefetchQuery({ queryKey: dashboardKeys.range(range), queryFn: async () => asJson(await getDashboard(range)) });
}

export function prefetchSystemMetrics(client: QueryClient, range: Range, instance?: string): Promise<void> {
  return client.prefetchQuery({ queryKey: systemKeys.range(range, instance), queryFn: async () => asJson(await getSystemMetrics({ range, instance })) });
}

async function alertPage(query: Record<string, string | undefined>) {
  return alertPageJson(await listAlerts(alertListQuerySchema.parse(query)));
}

export function prefetchAlertFeed(client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: alertKeys.feed(), queryFn: () => alertPage(FEED_QUERY) });
}

export function prefetchAlertList(client: QueryClient, filters: AlertFilters): Promise<void> {
  return client.prefetchInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: () => alertPage({ ...alertListQuery(filters, Date.now()), limit: String(ALERT_PAGE_SIZE) }),
    ...alertListPaging,
  });
}

export function prefetchAlertDetail(client: QueryClient, id: string): Promise<void> {
  return client.prefetchQuery({ queryKey: alertKeys.detail(id), queryFn: async () => alertDetailJson(await getAlertDetail(id)) });
}

export function prefetchNotifications(client: QueryClient): Promise<void> {
  return client.prefetchQuery({
    queryKey: settingsKeys.notifications(),
    queryFn: async () => {
      const [channels, deliveries] = await Promise.all([getChannelsOverview(), listDeliveries(getDb())]);
      return { channels, deliveries };
    },
  });
}

export function prefetchRules(client: QueryClient): Promise<void> {
  return client.prefetchQuery({ queryKey: ruleKeys.list(), queryFn: async () => ({ rules: await listRules(getDb()) }) });
}

/** Tokens and users: only an admin's page asks (their API refuses anyone else). */
export function prefetchAccessLists(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.prefetchQuery({ queryKey: settingsKeys.tokens(), queryFn: async () => ({ tokens: asJson(await listApiTokens(getDb())) }) }),
    client.prefetchQuery({ queryKey: settingsKeys.users(), queryFn: async () => ({ users: asJson(await listUsers(getDb())) }) }),
  ]);
}
