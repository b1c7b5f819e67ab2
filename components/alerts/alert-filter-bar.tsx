"use client";

import { ALERT_TYPES } from "@/lib/alerts/alert-types";
import { type AlertFilters, SINCE_MS, STATUS_FILTERS } from "@/lib/client-data/alert-filters";
import { ALERT_SEVERITIES, SEVERITY_LABELS } from "@/lib/shared/alert-vocabulary";
import { alertTypeLabel } from "@/lib/client-data/format";
import { useSetSearchParams } from "@/lib/client-data/use-search-param-state";
import { Button } from "../ui/button";
import { SelectField } from "../ui/field";

const STATUS_LABELS = { open: "Open (active or acknowledged)", ACTIVE: "Active", ACKNOWLEDGED: "Acknowledged", RESOLVED: "Resolved" } as const;
const SINCE_LABELS = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days" } as const satisfies Record<keyof typeof SINCE_MS, string>;

export function AlertFilterBar({ filters }: { filters: AlertFilters }) {
  const setParams = useSetSearchParams();
  const anySet = Object.values(filters).some((value) => value !== undefined);
  return (
    <form role="search" aria-label="Filter alerts" className="grid grid-cols-2 items-end gap-3 md:grid-cols-[repeat(4,minmax(0,1fr))_auto]" onSubmit={(event) => event.preventDefault()}>
      <SelectField label="Status" value={filters.status ?? ""} onChange={(event) => setParams({ status: event.target.value })}>
        <option value="">Any status</option>
        {STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Severity" value={filters.severity ?? ""} onChange={(event) => setParams({ severity: event.target.value })}>
        <option value="">Any severity</option>
        {ALERT_SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {SEVERITY_LABELS[severity]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Type" value={filters.type ?? ""} onChange={(event) => setParams({ type: event.target.value })}>
        <option value="">Any type</option>
        {ALERT_TYPES.map((type) => (
          <option key={type} value={type}>
            {alertTypeLabel(type)}
          </option>
        ))}
      </SelectField>
      <SelectField label="Raised" value={filters.since ?? ""} onChange={(event) => setParams({ since: event.target.value })}>
        <option value="">Any time</option>
        {Object.entries(SINCE_LABELS).map(([since, label]) => (
          <option key={since} value={since}>
            {label}
          </option>
        ))}
      </SelectField>
      <Button disabled={!anySet} onClick={() => setParams({ status: undefined, severity: undefined, type: undefined, since: undefined })}>
        Clear filters
      </Button>
    </form>
  );
}
