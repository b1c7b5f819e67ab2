"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditFilters } from "./audit-filters";
import { auditKeys, auditPaging, fetchAuditPage } from "./audit-keys";

const AUDIT_REFRESH_MS = 30_000;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    ...auditPaging,
    refetchInterval: AUDIT_REFRESH_MS,
  });
}
