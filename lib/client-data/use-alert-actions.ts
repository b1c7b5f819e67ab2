"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AlertJson, alertKeys } from "./alert-keys";
import { apiFetch } from "./api-fetch";
import { dashboardKeys } from "./dashboard-keys";

export interface AcknowledgeInput {
  notes?: string;
}

export interface ResolveInput {
  resolution: string;
}

// Any change to an alert changes the feed, the lists, its detail and the overview's counts. A
// refused change (409: someone else got there first) means our copy is stale too.
function useAlertMutation<Input>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => apiFetch<AlertJson>(`/api/v1/monitoring/alerts/${path}`, { method: "POST", body: input }),
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: alertKeys.all }), queryClient.invalidateQueries({ queryKey: dashboardKeys.all })]),
  });
}

function alertPath(id: string, action: "acknowledge" | "resolve"): string {
  return `${encodeURIComponent(id)}/${action}`;
}

export function useAcknowledgeAlert(id: string) {
  return useAlertMutation<AcknowledgeInput>(alertPath(id, "acknowledge"));
}

export function useResolveAlert(id: string) {
  return useAlertMutation<ResolveInput>(alertPath(id, "resolve"));
}

/** POST /alerts/test: a drill alert through the whole pipeline. */
export function useRaiseTestAlert() {
  return useAlertMutation<void>("test");
}
