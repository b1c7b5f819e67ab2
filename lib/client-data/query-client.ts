import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-fetch";

const MAX_RETRIES = 2;

// A 4xx will answer the same again; an outage or a 5xx is worth another try or two.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && !error.unreachable) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * One per browser tab (see QueryProvider) and one per server render. Data the server rendered
 * stays fresh for a few seconds, so hydration does not refetch it straight away.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 4_000, retry: shouldRetry, retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000) },
      mutations: { retry: false },
    },
  });
}
