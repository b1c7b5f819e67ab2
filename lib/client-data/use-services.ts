"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ServiceJson } from "../services/services";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type MonitoredService = Json<ServiceJson>;

const SERVICES_REFRESH_MS = 15_000;

export const serviceKeys = { all: () => ["services"] as const };

export function useServices() {
  return useQuery({
    queryKey: serviceKeys.all(),
    queryFn: () => apiFetch<{ services: MonitoredService[] }>("/api/v1/monitoring/services"),
    refetchInterval: SERVICES_REFRESH_MS,
  });
}

export function useRetireService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<{ service: MonitoredService }>(`/api/v1/monitoring/services/${encodeURIComponent(name)}/retire`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all() }),
  });
}
