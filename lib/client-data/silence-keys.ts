import type { SilenceJson } from "../silences/silence-json";
import { apiFetch, queryString } from "./api-fetch";

export type { SilenceJson };

/** What POST /api/v1/monitoring/silences takes. */
export interface NewSilence {
  types: string[];
  severities: string[];
  subjects: string[];
  duration?: string;
  startsAt?: string;
  recurrence?: { days: string[]; from: string; to: string };
  reason: string;
}

export const LIVE_STATES = "active,upcoming";

export const silenceKeys = {
  all: ["silences"] as const,
  list: (states: string) => [...silenceKeys.all, states] as const,
};

export function fetchSilences(states: string): Promise<{ silences: SilenceJson[] }> {
  return apiFetch(`/api/v1/monitoring/silences${queryString({ state: states })}`);
}
