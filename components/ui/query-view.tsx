import type { ReactNode } from "react";
import { ErrorBanner } from "./error-banner";

interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * A query's three faces: its data (kept on screen through later failures, which the outage
 * banner reports), the error with a retry when there is no data at all, or the loading skeleton.
 */
export function QueryView<T>({ query, loading, errorTitle, children }: { query: QueryLike<T>; loading: ReactNode; errorTitle: string; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return children(query.data);
  if (query.error) {
    return (
      <ErrorBanner title={errorTitle} onRetry={() => query.refetch()}>
        {query.error.message}
      </ErrorBanner>
    );
  }
  return loading;
}
