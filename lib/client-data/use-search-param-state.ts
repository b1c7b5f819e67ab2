"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { withParams } from "./search-params";

/**
 * Changes the page's query string in place: a new history entry (Back undoes a filter) without a
 * server round trip; useSearchParams and the query keys built from it follow.
 */
export function useSetSearchParams(): (changes: Record<string, string | undefined>) => void {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return useCallback((changes) => window.history.pushState(null, "", pathname + withParams(searchParams, changes)), [pathname, searchParams]);
}
