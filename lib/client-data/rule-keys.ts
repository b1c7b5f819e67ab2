import type { RuleHistoryEntry } from "../alerts/rule-settings/history";
import type { RuleJson } from "../alerts/rule-settings/rule-json";
import { apiFetch } from "./api-fetch";
import type { Json } from "./json";

export type AlertRuleView = Json<RuleJson>;
export type RuleChange = Json<RuleHistoryEntry>;

export const ruleKeys = {
  all: () => ["rules"] as const,
  list: () => [...ruleKeys.all(), "list"] as const,
  history: (type: string) => [...ruleKeys.all(), "history", type] as const,
};

export const fetchRules = () => apiFetch<{ rules: AlertRuleView[] }>("/api/v1/monitoring/rules");
export const fetchRuleHistory = (type: string) => apiFetch<{ entries: RuleChange[] }>(`/api/v1/monitoring/rules/${encodeURIComponent(type)}/history`);
