"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EffectiveBusinessHours } from "../business-hours/settings";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type BusinessHoursData = Json<EffectiveBusinessHours>;

export const businessHoursKeys = { all: () => ["business-hours"] as const };

export function useBusinessHours() {
  return useQuery({ queryKey: businessHoursKeys.all(), queryFn: () => apiFetch<{ businessHours: BusinessHoursData }>("/api/v1/monitoring/business-hours") });
}

/** Sets the hours, or with null goes back to MONITORING_BUSINESS_HOURS. */
export function useChangeBusinessHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hours: string | null) => apiFetch<{ businessHours: BusinessHoursData }>("/api/v1/monitoring/business-hours", { method: "PUT", body: { hours } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: businessHoursKeys.all() }),
  });
}
