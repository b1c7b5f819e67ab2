"use client";

import { type Query, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { ApiError } from "@/lib/client-data/api-fetch";
import { ErrorBanner } from "../ui/error-banner";

// A query is failing from its first failed attempt until one succeeds (retries included).
function failure(query: Query): unknown {
  return query.state.fetchFailureCount > 0 || query.state.status === "error" ? (query.state.fetchFailureReason ?? query.state.error) : null;
}

function isOutage(error: unknown): boolean {
  return error !== null && (!(error instanceof ApiError) || error.unreachable);
}

/**
 * One banner for the whole dashboard while the API cannot be reached or answers 5xx; panels keep
 * showing the last data they had, so the page is never blank.
 */
export function ApiOutageBanner() {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const message = useSyncExternalStore(
    subscribe,
    () => {
      const error = cache.getAll().map(failure).find(isOutage);
      return error === undefined ? null : error instanceof Error ? error.message : "Unknown error";
    },
    () => null,
  );
  if (message === null) return null;
  return (
    <ErrorBanner title="The monitoring API is not answering" onRetry={() => queryClient.refetchQueries({ type: "active" })}>
      Showing the last data received; retrying automatically. ({message})
    </ErrorBanner>
  );
}
