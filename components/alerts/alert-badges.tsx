import { type AlertSeverity, type AlertStatus, SEVERITY_LABELS } from "@/lib/shared/alert-vocabulary";
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
