"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_PAGE_SIZE } from "../alerts/page-size";
import { type AlertPage, alertKeys } from "./alert-keys";
import { apiFetch, queryString } from "./api-fetch";
import { dashboardKeys } from "./dashboard-keys";
import { LIVE_STATES, type NewSilence, type SilenceJson, fetchSilences, silenceKeys } from "./silence-keys";

// Windows open and close by the clock, so live lists poll.
const SILENCES_REFRESH_MS = 15_000;

export function useSilences(states = LIVE_STATES) {
  return useQuery({ queryKey: silenceKeys.list(states), queryFn: () => fetchSilences(states), refetchInterval: SILENCES_REFRESH_MS });
}

// A silence changes which alerts show as silenced, so alerts and the overview refresh too.
function useSilenceChange<Input>(send: (input: Input) => Promise<SilenceJson>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () =>
      Promise.all([silenceKeys.all, alertKeys.all, dashboardKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useCreateSilence() {
  return useSilenceChange((input: NewSilence) => apiFetch<SilenceJson>("/api/v1/monitoring/silences", { method: "POST", body: input }));
}

export function useEndSilence() {
  return useSilenceChange((id: string) => apiFetch<SilenceJson>(`/api/v1/monitoring/silences/${encodeURIComponent(id)}`, { method: "DELETE" }));
}

/** Every open alert, for the preview of what a new silence would match. */
export function useOpenAlerts(enabled: boolean) {
  return useQuery({
    queryKey: [...alertKeys.all, "open-for-preview"],
    queryFn: () => apiFetch<AlertPage>(`/api/v1/monitoring/alerts${queryString({ status: "ACTIVE,ACKNOWLEDGED", limit: MAX_PAGE_SIZE })}`),
    enabled,
  });
}
