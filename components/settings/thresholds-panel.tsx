import type { Config } from "@/lib/config";
import { formatAlertFigure, formatMs } from "@/lib/client-data/format";
import { Panel } from "../ui/panel";

type ThresholdKey = keyof Config["thresholds"];

const RULES: { key: ThresholdKey; type: string; rule: string; variable: string }[] = [
  { key: "orderRate", type: "HIGH_ORDER_CREATION_RATE", rule: "Orders in the last 60 minutes", variable: "MONITORING_ORDER_RATE_THRESHOLD" },
  { key: "jobFailure", type: "HIGH_JOB_FAILURE_RATE", rule: "Job failure rate, last 60 minutes", variable: "MONITORING_JOB_FAILURE_THRESHOLD" },
  { key: "whatsappFailure", type: "HIGH_WHATSAPP_FAILURE_RATE", rule: "WhatsApp failure rate, last 60 minutes", variable: "MONITORING_WHATSAPP_FAILURE_THRESHOLD" },
  { key: "apiError", type: "HIGH_API_ERROR_RATE", rule: "API 5xx rate, last 5 minutes", variable: "MONITORING_API_ERROR_THRESHOLD" },
  { key: "dbLatency", type: "HIGH_DB_LATENCY", rule: "Database latency p95, last 5 minutes", variable: "MONITORING_DB_LATENCY_THRESHOLD" },
  { key: "cpu", type: "HIGH_CPU_USAGE", rule: "CPU, 5-minute average", variable: "MONITORING_CPU_THRESHOLD" },
  { key: "memory", type: "HIGH_MEMORY_USAGE", rule: "Memory, 5-minute average", variable: "MONITORING_MEMORY_THRESHOLD" },
  { key: "disk", type: "HIGH_DISK_USAGE", rule: "Disk, latest sample", variable: "MONITORING_DISK_THRESHOLD" },
];

/** The alert rules as this server runs them; they change through environment variables and a restart. */
export function ThresholdsPanel({ thresholds, monitoring }: { thresholds: Config["thresholds"]; monitoring: Config["monitoring"] }) {
  return (
    <Panel title="Alert thresholds">
      <p className="mb-3 text-sm text-slate-500">
        A rule raises a warning above its threshold and escalates to critical above the critical level. Rate rules wait for {monitoring.minSamples} samples; rules
        are checked every {formatMs(monitoring.evaluationIntervalMs)}. Change them with the variables shown (…_CRITICAL for the critical level) and restart.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Rule</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium text-warning">Warning above</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium text-critical">Critical above</th>
              <th scope="col" className="py-2 font-medium">Variable</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {RULES.map(({ key, type, rule, variable }) => (
              <tr key={key}>
                <th scope="row" className="py-2 pr-4 font-normal text-slate-800">{rule}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatAlertFigure(type, thresholds[key].warning)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatAlertFigure(type, thresholds[key].critical)}</td>
                <td className="py-2 font-mono text-xs text-slate-500">{variable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-slate-500">Database and Redis unreachable alerts fire after 3 failed probes in a row and are always critical.</p>
    </Panel>
  );
}
