"use client";

import { useSearchParams } from "next/navigation";
import { readAuditFilters } from "@/lib/client-data/audit-filters";
import { AuditFilterBar } from "./audit-filter-bar";
import { AuditList } from "./audit-list";

export function AuditView() {
  const filters = readAuditFilters(useSearchParams());
  return (
    <div className="space-y-4">
      {/* Keyed by the actor in the URL, so Back and Forward refill the typed field. */}
      <AuditFilterBar key={filters.actor ?? ""} filters={filters} />
      <AuditList filters={filters} />
    </div>
  );
}
