"use client";

import Link from "next/link";
import { ApiError } from "@/lib/client-data/api-fetch";
import { useAlertDetail } from "@/lib/client-data/use-alerts";
import { EmptyState } from "../ui/empty-state";
import { ErrorBanner } from "../ui/error-banner";
import { Panel } from "../ui/panel";
import { Skeleton } from "../ui/skeleton";
import { AlertActions } from "./alert-actions";
import { SeverityBadge, SilencedBadge, StatusBadge, TestBadge } from "./alert-badges";
import { AlertFacts } from "./alert-facts";
import { AlertTimeline } from "./alert-timeline";
import { DeliveryList } from "./delivery-list";
import { HeldBackNote } from "./held-back-note";
import { SilenceAlertDialog } from "./silence-alert-dialog";

export function AlertDetailView({ id }: { id: string }) {
  const detail = useAlertDetail(id);
  if (detail.isPending) return <DetailSkeleton />;
  if (detail.isError && !detail.data) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400)) {
      return (
        <EmptyState title="This alert does not exist">
          It may have been removed after the retention period. <Link href="/admin/alerts" className="text-info underline">Back to all alerts</Link>
        </EmptyState>
      );
    }
    return (
      <ErrorBanner title="Could not load this alert" onRetry={() => detail.refetch()}>
        {detail.error.message}
      </ErrorBanner>
    );
  }
  const { alert, timeline, notifications } = detail.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-center gap-1.5">
            <SeverityBadge severity={alert.severity} />
            <span data-testid="alert-status">
              <StatusBadge status={alert.status} />
            </span>
            {alert.isTest && <TestBadge />}
            <span data-testid="alert-silenced" className="contents">
              <SilencedBadge alert={alert} />
            </span>
          </div>
          <h1 className="text-xl font-semibold break-words text-slate-900">{alert.title}</h1>
          <p className="text-sm text-slate-600">{alert.message}</p>
          <HeldBackNote alert={alert} />
        </div>
        <div className="flex flex-wrap gap-2">
          <SilenceAlertDialog alert={alert} />
          <AlertActions alert={alert} />
        </div>
      </div>
      <Panel title="Details">
        <AlertFacts alert={alert} />
      </Panel>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel title="Timeline">
          <AlertTimeline events={timeline} />
        </Panel>
        <Panel title="Notifications">
          {notifications.length ? (
            <DeliveryList deliveries={notifications} />
          ) : (
            <EmptyState title="No notifications sent for this alert">Enable a channel under Settings → Notification channels to be told of new alerts.</EmptyState>
          )}
        </Panel>
      </div>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading alert">
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
