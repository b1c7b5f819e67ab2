"use client";

import { type AuditFilters, auditActionLabel } from "@/lib/client-data/audit-filters";
import type { AuditEntryJson } from "@/lib/client-data/audit-keys";
import { useAuditLog } from "@/lib/client-data/use-audit";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { LoadOlder } from "../ui/load-older";
import { QueryView } from "../ui/query-view";
import { RelativeTime } from "../ui/relative-time";
import { LoadingBlock } from "../ui/skeleton";
import { AuditChanges } from "./audit-changes";

export function AuditList({ filters }: { filters: AuditFilters }) {
  const log = useAuditLog(filters);
  return (
    <QueryView query={log} loading={<LoadingBlock label="Loading the audit log" rows={6} />} errorTitle="Could not load the audit log">
      {({ pages }) => {
        const entries = pages.flatMap((page) => page.entries);
        if (!entries.length) {
          return filters.actor || filters.action ? (
            <EmptyState title="No entries match these filters">Clear the filters to see every change.</EmptyState>
          ) : (
            <EmptyState title="Nothing recorded yet">Token, user and rule changes and sign-ins are listed here as they happen.</EmptyState>
          );
        }
        return (
          <div className="space-y-3">
            <ul aria-label="Audit log" className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </ul>
            <LoadOlder query={log} shown={`${entries.length} entr${entries.length === 1 ? "y" : "ies"}`} label="Load older" />
          </div>
        );
      }}
    </QueryView>
  );
}

function AuditRow({ entry }: { entry: AuditEntryJson }) {
  return (
    <li className="px-4 py-3 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={entry.action.endsWith("_failed") ? "warning" : "muted"}>{auditActionLabel(entry.action)}</Badge>
        <span className="min-w-0 font-medium break-all text-slate-900">{entry.target}</span>
      </p>
      <p className="mt-1 text-xs text-slate-500">
        by <span className="text-slate-700">{entry.actor}</span> · <RelativeTime value={entry.at} /> · <code>{entry.action}</code>
      </p>
      <AuditChanges before={entry.before} after={entry.after} />
    </li>
  );
}
