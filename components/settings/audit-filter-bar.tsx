"use client";

import { type FormEvent, useState } from "react";
import { MAX_ACTOR_LENGTH } from "@/lib/audit/limits";
import { AUDIT_ACTION_LABELS, type AuditFilters } from "@/lib/client-data/audit-filters";
import { useSetSearchParams } from "@/lib/client-data/use-search-param-state";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";

// The actor is typed, so it applies on Enter or Apply rather than on every keystroke.
export function AuditFilterBar({ filters }: { filters: AuditFilters }) {
  const setParams = useSetSearchParams();
  const [actor, setActor] = useState(filters.actor ?? "");
  const applyActor = (event: FormEvent) => {
    event.preventDefault();
    setParams({ actor: actor.trim() || undefined });
  };
  const clear = () => {
    setActor("");
    setParams({ actor: undefined, action: undefined });
  };
  return (
    <form role="search" aria-label="Filter the audit log" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto_auto]" onSubmit={applyActor}>
      <TextField label="Actor" placeholder="ops@example.com or a token's name" maxLength={MAX_ACTOR_LENGTH} value={actor} onChange={(event) => setActor(event.target.value)} />
      <SelectField label="Action" value={filters.action ?? ""} onChange={(event) => setParams({ action: event.target.value || undefined })}>
        <option value="">Any action</option>
        {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </SelectField>
      <Button type="submit">Apply</Button>
      <Button disabled={!filters.actor && !filters.action && !actor} onClick={clear}>
        Clear filters
      </Button>
    </form>
  );
}
