import type { ApiTokenView, CreatedApiToken } from "../auth/tokens";
import type { UserView } from "../auth/users";
import type { TestNotificationResult } from "../notify/test-notification";
import type { NotificationsOverview } from "../shared/notifications";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type ApiToken = Json<ApiTokenView>;
export type NewToken = Json<CreatedApiToken>;
export type DashboardUser = Json<UserView>;
export type { TestNotificationResult };

export const settingsKeys = {
  notifications: () => ["notifications"] as const,
  tokens: () => ["tokens"] as const,
  users: () => ["users"] as const,
};

export const fetchNotifications = () => apiFetch<NotificationsOverview>("/api/v1/monitoring/notifications");
export const fetchTokens = () => apiFetch<{ tokens: ApiToken[] }>("/api/v1/tokens");
export const fetchUsers = () => apiFetch<{ users: DashboardUser[] }>("/api/v1/users");
