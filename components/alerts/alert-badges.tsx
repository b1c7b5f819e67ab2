import { type AlertSeverity, type AlertStatus, SEVERITY_LABELS } from "@/lib/shared/alert-vocabulary";
import type { AlertJson } from "@/lib/client-data/alert-keys";
import { Badge, type Tone } from "../ui/badge";

const SEVERITY_TONE: Record<AlertSeverity, Tone> = { CRITICAL: "critical", WARNING: "warning" };
const STATUS_TONE: Record<AlertStatus, Tone> = { ACTIVE: "critical", ACKNOWLEDGED: "info", RESOLVED: "ok" };
const STATUS_LABEL: Record<AlertStatus, string> = { ACTIVE: "Active", ACKNOWLEDGED: "Acknowledged", RESOLVED: "Resolved" };

export function severityTone(severity: AlertSeverity): Tone {
  return SEVERITY_TONE[severity];
}

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge tone={SEVERITY_TONE[severity]} dot>
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]} outline>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export function TestBadge() {
  return <Badge tone="muted">Test</Badge>;
}

/** Its notices are held back: by a silence or maintenance window (with its reason), or by an open outage it depends on. */
export function SilencedBadge({ alert }: { alert: Pick<AlertJson, "silencedBy" | "silenceReason" | "inhibitedBy"> }) {
  if (alert.silencedBy) {
    return (
      <Badge tone="muted" className="max-w-full" title={`Silenced: ${alert.silenceReason ?? ""}`}>
        <span className="truncate">Silenced{alert.silenceReason && `: ${alert.silenceReason}`}</span>
      </Badge>
    );
  }
  if (alert.inhibitedBy) return <Badge tone="muted">Held back: dependency down</Badge>;
  return null;
}
