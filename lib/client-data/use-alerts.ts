"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { AlertFilters } from "./alert-filters";
import { alertKeys, alertListPaging, fetchAlertDetail, fetchAlertFeed, fetchAlertPage } from "./alert-keys";

/** The open-alert feed polls fast: a new alert must show within 5 s. */
export const FEED_REFRESH_MS = 3_000;
const LIST_REFRESH_MS = 10_000;
const DETAIL_REFRESH_MS = 5_000;

export function useAlertFeed() {
  return useQuery({ queryKey: alertKeys.feed(), queryFn: fetchAlertFeed, refetchInterval: FEED_REFRESH_MS });
}

export function useAlertList(filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam }) => fetchAlertPage(filters, pageParam),
    ...alertListPaging,
    refetchInterval: LIST_REFRESH_MS,
  });
}

export function useAlertDetail(id: string) {
  return useQuery({ queryKey: alertKeys.detail(id), queryFn: () => fetchAlertDetail(id), refetchInterval: DETAIL_REFRESH_MS });
}
