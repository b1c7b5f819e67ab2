import type { ApiTokenView, CreatedApiToken } from "../auth/tokens";
import type { UserView } from "../auth/users";
import type { ChannelListItem } from "../channels/list";
import type { DeliveryView } from "../shared/notifications";
import type { TestNotificationResult } from "../notify/test-notification";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type ApiToken = Json<ApiTokenView>;
export type NewToken = Json<CreatedApiToken>;
export type DashboardUser = Json<UserView>;
export type { ChannelListItem, DeliveryView, TestNotificationResult };

export const settingsKeys = {
  channels: () => ["channels"] as const,
  tokens: () => ["tokens"] as const,
  users: () => ["users"] as const,
};

export const fetchChannels = () => apiFetch<{ channels: ChannelListItem[] }>("/api/v1/monitoring/channels");
export const fetchTokens = () => apiFetch<{ tokens: ApiToken[] }>("/api/v1/tokens");
export const fetchUsers = () => apiFetch<{ users: DashboardUser[] }>("/api/v1/users");
