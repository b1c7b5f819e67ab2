"use client";

import { useSearchParams } from "next/navigation";
import { readAlertFilters } from "@/lib/client-data/alert-filters";
import { AlertFilterBar } from "./alert-filter-bar";
import { AlertList } from "./alert-list";

export function AlertsView() {
  const filters = readAlertFilters(useSearchParams());
  return (
    <div className="space-y-4">
      <AlertFilterBar filters={filters} />
      <AlertList filters={filters} />
    </div>
  );
}
