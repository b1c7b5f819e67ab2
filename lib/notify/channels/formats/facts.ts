import { type AlertSnapshot, formatMeasure, type Notice } from "../../notice";

/** What every chat layout shows of an alert, in this order. */
export function alertFacts(alert: AlertSnapshot): [string, string][] {
  return [
    ["Severity", alert.severity],
    ["Value", formatMeasure(alert.type, alert.value)],
    ["Threshold", formatMeasure(alert.type, alert.threshold)],
    ...(alert.subject ? [["Subject", alert.subject] as [string, string]] : []),
    ["Type", alert.type],
    ["Status", alert.status],
  ];
}

type Tone = "critical" | "warning" | "resolved" | "info";

/** The colour a notice is drawn in: red for CRITICAL, amber for WARNING, green once resolved, blue for a test. */
export function noticeTone({ event, alert }: Notice): Tone {
  if (!alert) return "info";
  if (event === "alert.resolved") return "resolved";
  return alert.severity === "CRITICAL" ? "critical" : "warning";
}

export const TONE_HEX: Record<Tone, string> = { critical: "#D92D20", warning: "#F79009", resolved: "#12B76A", info: "#2E90FA" };
