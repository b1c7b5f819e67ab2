import type { ReactNode } from "react";
import { RULE_CATALOGUE, isRuleType } from "@/lib/alerts/catalogue";
import type { AlertJson } from "@/lib/client-data/alert-keys";
import { alertTypeLabel, formatAlertFigure } from "@/lib/client-data/format";
import { RelativeTime } from "../ui/relative-time";

/** "Instance" for host rules, "Queue" for queue rules: what the alert's subject is. */
function subjectLabel(type: string): string {
  const kind = isRuleType(type) ? RULE_CATALOGUE[type].subject : "subject";
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Who did what to the alert, with its numbers; only the facts that exist. */
export function AlertFacts({ alert }: { alert: AlertJson }) {
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Type">{alertTypeLabel(alert.type)}</Fact>
      {alert.subject && <Fact label={subjectLabel(alert.type)}>{alert.subject}</Fact>}
      {alert.value != null && <Fact label="Value">{formatAlertFigure(alert.type, alert.value)}</Fact>}
      {alert.threshold != null && <Fact label="Threshold">{formatAlertFigure(alert.type, alert.threshold)}</Fact>}
      <Fact label="Raised">
        <RelativeTime value={alert.createdAt} />
      </Fact>
      <Fact label="Last seen">
        <RelativeTime value={alert.lastSeenAt} /> ({alert.occurrences}×)
      </Fact>
      {alert.clearedAt && (
        <Fact label="Back below threshold">
          <RelativeTime value={alert.clearedAt} />
        </Fact>
      )}
      {alert.acknowledgedAt && (
        <Fact label="Acknowledged">
          by <span data-testid="acknowledged-by">{alert.acknowledgedBy}</span>, <RelativeTime value={alert.acknowledgedAt} />
          {alert.acknowledgedNotes && <span className="mt-1 block whitespace-pre-wrap text-slate-600">“{alert.acknowledgedNotes}”</span>}
        </Fact>
      )}
      {alert.resolvedAt && (
        <Fact label="Resolved">
          by <span data-testid="resolved-by">{alert.resolvedBy}</span>, <RelativeTime value={alert.resolvedAt} />
          {alert.resolution && <span className="mt-1 block whitespace-pre-wrap text-slate-600">“{alert.resolution}”</span>}
        </Fact>
      )}
    </dl>
  );
}
