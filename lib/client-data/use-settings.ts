"use client";

import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { auditKeys } from "./audit-keys";
import {
  type DashboardUser,
  type ChannelListItem,
  fetchChannels,
  fetchTokens,
  fetchUsers,
  type ApiToken,
  type NewToken,
  settingsKeys,
  type TestNotificationResult,
} from "./settings-keys";

const CHANNELS_REFRESH_MS = 15_000;

export function useChannels() {
  return useQuery({ queryKey: settingsKeys.channels(), queryFn: fetchChannels, refetchInterval: CHANNELS_REFRESH_MS });
}

export function useTokens() {
  return useQuery({ queryKey: settingsKeys.tokens(), queryFn: fetchTokens });
}

export function useUsers() {
  return useQuery({ queryKey: settingsKeys.users(), queryFn: fetchUsers });
}

// Every settings change refreshes the list it changed, whether it worked or was refused, and the
// audit log that records it.
function useChange<Input, Output>(key: QueryKey, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => Promise.all([key, auditKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

const channelPath = (id: string) => `/api/v1/monitoring/channels/${encodeURIComponent(id)}`;

/** A channel as the add and edit forms send it; fields of other kinds are left out. */
export type ChannelInput = Partial<Pick<ChannelListItem, "name" | "kind" | "enabled" | "severities" | "types" | "addresses" | "phones" | "url" | "format">> & { secret?: string | null };

export function useSendChannelTest() {
  return useChange(settingsKeys.channels(), (id: string) => apiFetch<TestNotificationResult>(`${channelPath(id)}/test`, { method: "POST" }));
}

export function useCreateChannel() {
  return useChange(settingsKeys.channels(), (input: ChannelInput) => apiFetch<ChannelListItem>("/api/v1/monitoring/channels", { method: "POST", body: input }));
}

export function useUpdateChannel() {
  return useChange(settingsKeys.channels(), ({ id, ...input }: ChannelInput & { id: string }) => apiFetch<ChannelListItem>(channelPath(id), { method: "PATCH", body: input }));
}

export function useDeleteChannel() {
  return useChange(settingsKeys.channels(), (id: string) => apiFetch<ChannelListItem>(channelPath(id), { method: "DELETE" }));
}

export function useCreateToken() {
  return useChange(settingsKeys.tokens(), (input: { name: string; role: ApiToken["role"]; expiresInDays?: number }) =>
    apiFetch<NewToken>("/api/v1/tokens", { method: "POST", body: input }),
  );
}

export function useRevokeToken() {
  return useChange(settingsKeys.tokens(), (id: string) => apiFetch<{ token: ApiToken }>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }));
}

export function useAddUser() {
  return useChange(settingsKeys.users(), (input: { email: string; name?: string; password: string; role: DashboardUser["role"] }) =>
    apiFetch<{ user: DashboardUser }>("/api/v1/users", { method: "POST", body: input }),
  );
}

export function useChangeUserRole() {
  return useChange(settingsKeys.users(), ({ id, role }: { id: string; role: DashboardUser["role"] }) =>
    apiFetch<{ user: DashboardUser }>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: { role } }),
  );
}

export function useRemoveUser() {
  return useChange(settingsKeys.users(), (id: string) => apiFetch<{ user: DashboardUser }>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "DELETE" }));
}

export function useResetPassword() {
  return useChange(settingsKeys.users(), ({ id, password }: { id: string; password: string }) =>
    apiFetch<null>(`/api/v1/users/${encodeURIComponent(id)}/password`, { method: "POST", body: { password } }),
  );
}

/** Changing one's own password ends every session of the user, this one included. */
export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => apiFetch<null>("/api/v1/account/password", { method: "POST", body: input }),
  });
}
