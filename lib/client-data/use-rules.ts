"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RulePatch } from "../alerts/rule-settings/patch";
import { apiFetch } from "./api-fetch";
import { type AlertRuleView, fetchRuleHistory, fetchRules, ruleKeys } from "./rule-keys";

// Readings move with traffic; the table follows them as the overview does.
const RULES_REFRESH_MS = 10_000;

export function useRules() {
  return useQuery({ queryKey: ruleKeys.list(), queryFn: fetchRules, refetchInterval: RULES_REFRESH_MS });
}

export function useRuleHistory(type: string, enabled: boolean) {
  return useQuery({ queryKey: ruleKeys.history(type), queryFn: () => fetchRuleHistory(type), enabled });
}

// A change refreshes the table and every rule's history, whether it worked or was refused.
function useRuleChange<Input>(send: (input: Input) => Promise<{ rule: AlertRuleView }>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: ruleKeys.all() }) });
}

export function useUpdateRule() {
  return useRuleChange(({ type, patch }: { type: string; patch: RulePatch }) =>
    apiFetch<{ rule: AlertRuleView }>(`/api/v1/monitoring/rules/${encodeURIComponent(type)}`, { method: "PATCH", body: patch }),
  );
}

export function useResetRule() {
  return useRuleChange((type: string) => apiFetch<{ rule: AlertRuleView }>(`/api/v1/monitoring/rules/${encodeURIComponent(type)}/overrides`, { method: "DELETE" }));
}
