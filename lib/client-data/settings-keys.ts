import type { ApiTokenView, CreatedApiToken } from "../auth/tokens";
import type { UserView } from "../auth/users";
import type { DeliveryView } from "../notify/deliveries";
import type { ChannelOverview } from "../notify/overview";
import type { TestNotificationResult } from "../notify/test-notification";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type ApiToken = Json<ApiTokenView>;
export type NewToken = Json<CreatedApiToken>;
export type DashboardUser = Json<UserView>;
export type { ChannelOverview, DeliveryView, TestNotificationResult };

export interface NotificationsOverview {
  channels: ChannelOverview[];
  deliveries: DeliveryView[];
}

export const settingsKeys = {
  notifications: () => ["notifications"] as const,
  tokens: () => ["tokens"] as const,
  users: () => ["users"] as const,
};

export const fetchNotifications = () => apiFetch<NotificationsOverview>("/api/v1/monitoring/notifications");
export const fetchTokens = () => apiFetch<{ tokens: ApiToken[] }>("/api/v1/tokens");
export const fetchUsers = () => apiFetch<{ users: DashboardUser[] }>("/api/v1/users");
