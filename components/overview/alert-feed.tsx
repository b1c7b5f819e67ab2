"use client";

import Link from "next/link";
import { useAlertFeed } from "@/lib/client-data/use-alerts";
import { AlertRow } from "../alerts/alert-row";
import { Badge } from "../ui/badge";
import { LoadingBlock } from "../ui/skeleton";
import { QueryView } from "../ui/query-view";

/** Open alerts, newest first, polled every few seconds so a new one shows without a reload. */
export function AlertFeed() {
  const feed = useAlertFeed();
  const alerts = feed.data?.alerts ?? [];
  return (
    <section aria-labelledby="alert-feed-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 id="alert-feed-title" className="flex items-center gap-2 text-sm font-semibold text-slate-800">
          Open alerts
          {alerts.length > 0 && <Badge tone="critical">{feed.data?.nextCursor ? `${alerts.length}+` : alerts.length}</Badge>}
        </h2>
        <Link href="/admin/alerts?status=open" className="text-sm text-info hover:underline">
          All open alerts →
        </Link>
      </header>
      <QueryView
        query={feed}
        loading={
          <div className="p-4">
            <LoadingBlock label="Loading open alerts" rows={3} />
          </div>
        }
        errorTitle="Could not load open alerts"
      >
        {() =>
          alerts.length === 0 ? (
            <p className="flex flex-wrap items-center gap-2 px-4 py-6 text-sm text-slate-600">
              <Badge tone="ok" dot>
                All clear
              </Badge>
              No open alerts: every rule is within its threshold.
            </p>
          ) : (
            <ul aria-label="Open alerts" aria-live="polite" className="divide-y divide-slate-100">
              {alerts.map((alert) => (
                <AlertRow key={alert.id} alert={alert} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
