import type { AlertEventJson, AlertJson, NotificationJson } from "../alerts/serialize";
import { type AlertFilters, alertListQuery, compactFilters } from "./alert-filters";
import { apiFetch, queryString } from "./api-fetch";

export type { AlertEventJson, AlertJson, NotificationJson };

export interface AlertPage {
  alerts: AlertJson[];
  nextCursor: string | null;
}

export interface AlertDetail {
  alert: AlertJson;
  timeline: AlertEventJson[];
  notifications: NotificationJson[];
}

export const ALERT_PAGE_SIZE = 25;
export const FEED_SIZE = 8;
/** The feed's query: every alert that still needs a person, newest first. */
export const FEED_QUERY = { status: "ACTIVE,ACKNOWLEDGED", limit: String(FEED_SIZE) } as const;

/** How the alert list pages: by the opaque cursor each page hands out. */
export const alertListPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: AlertPage) => page.nextCursor ?? undefined,
};

export const alertKeys = {
  all: ["alerts"] as const,
  lists: () => [...alertKeys.all, "list"] as const,
  list: (filters: AlertFilters) => [...alertKeys.lists(), compactFilters(filters)] as const,
  feed: () => [...alertKeys.all, "feed"] as const,
  detail: (id: string) => [...alertKeys.all, "detail", id] as const,
};

export function fetchAlertPage(filters: AlertFilters, cursor: string | undefined): Promise<AlertPage> {
  const query = { ...alertListQuery(filters, Date.now()), cursor, limit: String(ALERT_PAGE_SIZE) };
  return apiFetch(`/api/v1/monitoring/alerts${queryString(query)}`);
}

export function fetchAlertFeed(): Promise<AlertPage> {
  return apiFetch(`/api/v1/monitoring/alerts${queryString(FEED_QUERY)}`);
}

export function fetchAlertDetail(id: string): Promise<AlertDetail> {
  return apiFetch(`/api/v1/monitoring/alerts/${encodeURIComponent(id)}`);
}
