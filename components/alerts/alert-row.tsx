import Link from "next/link";
import type { AlertJson } from "@/lib/client-data/alert-keys";
import { alertTypeLabel, formatAlertFigure } from "@/lib/client-data/format";
import { cx } from "../ui/cx";
import { RelativeTime } from "../ui/relative-time";
import { SeverityBadge, SilencedBadge, StatusBadge, TestBadge } from "./alert-badges";

const EDGE = { CRITICAL: "border-l-critical", WARNING: "border-l-warning" } as const;

/** One alert in a list: what, how bad, where it stands, when; the whole row opens its detail. */
export function AlertRow({ alert }: { alert: AlertJson }) {
  const measured = alert.threshold != null || alert.value != null;
  const details = [
    alertTypeLabel(alert.type) !== alert.title && alertTypeLabel(alert.type),
    measured && `${formatAlertFigure(alert.type, alert.value)} (threshold ${formatAlertFigure(alert.type, alert.threshold)})`,
    alert.occurrences > 1 && `seen ${alert.occurrences}×`,
  ].filter(Boolean);
  return (
    <li className="@container">
      <Link
        href={`/admin/alerts/${alert.id}`}
        className={cx("flex flex-col gap-1.5 border-l-4 px-4 py-3 hover:bg-slate-50 @xl:flex-row @xl:items-center @xl:gap-4", EDGE[alert.severity])}
      >
        <div className="flex shrink-0 items-center gap-1.5 @xl:w-52">
          <SeverityBadge severity={alert.severity} />
          <StatusBadge status={alert.status} />
          {alert.isTest && <TestBadge />}
        </div>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-slate-900">{alert.title}</p>
          {details.length > 0 && <p className="truncate text-xs text-slate-500">{details.join(" · ")}</p>}
        </div>
        <div className="min-w-0 empty:hidden @xl:max-w-56">
          <SilencedBadge alert={alert} />
        </div>
        <RelativeTime value={alert.createdAt} className="shrink-0 text-xs text-slate-500" />
      </Link>
    </li>
  );
}
