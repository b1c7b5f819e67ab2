import { createHash } from "node:crypto";
import { formatMeasure, type Notice } from "../../notice";

// Go's zero time, which Alertmanager sends as endsAt of an alert still firing.
const NOT_ENDED = "0001-01-01T00:00:00Z";
const RECEIVER = "khaacho-monitor";

type Labels = Record<string, string>;

/** Alertmanager's fingerprint is 16 hex digits of a hash of the label set; ours hashes the sorted labels the same way. */
function fingerprint(labels: Labels): string {
  const text = Object.keys(labels).sort().map((name) => `${name}\u00ff${labels[name]}\u00ff`).join("");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Alertmanager's group key for a route without matchers grouped by alertname. */
function groupKey(alertname: string): string {
  return `{}:{alertname=${JSON.stringify(alertname)}}`;
}

/**
 * The webhook payload of Alertmanager (version 4), one alert per message, so a receiver written
 * for Alertmanager's webhook_config works unchanged.
 */
export function alertmanagerBody(notice: Notice, sentAt: Date): unknown {
  const { alert } = notice;
  const labels: Labels = alert
    ? { alertname: alert.type, severity: alert.severity.toLowerCase(), ...(alert.subject && { instance: alert.subject }), source: "khaacho-monitor" }
    : { alertname: "KhaachoMonitorTest", severity: "none", source: "khaacho-monitor" };
  const annotations: Labels = alert
    ? { summary: notice.text, description: alert.message, value: formatMeasure(alert.type, alert.value), threshold: formatMeasure(alert.type, alert.threshold) }
    : { summary: notice.text };
  const status = notice.event === "alert.resolved" ? "resolved" : "firing";
  const externalURL = alert ? alert.url.replace(/\/admin\/alerts\/[^/]+$/, "") : "";
  return {
    version: "4",
    groupKey: groupKey(labels.alertname),
    truncatedAlerts: 0,
    status,
    receiver: RECEIVER,
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL,
    alerts: [
      {
        status,
        labels,
        annotations,
        startsAt: alert?.createdAt ?? sentAt.toISOString(),
        endsAt: status === "resolved" ? sentAt.toISOString() : NOT_ENDED,
        generatorURL: alert?.url ?? "",
        fingerprint: fingerprint(labels),
      },
    ],
  };
}
