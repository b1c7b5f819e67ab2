import { RULE_CATALOGUE, VARIABLE_RULE_TYPES } from "@/lib/alerts/catalogue";
import type { Config } from "@/lib/config";
import { formatAlertFigure, formatMs } from "@/lib/client-data/format";
import { Panel } from "../ui/panel";

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
            {VARIABLE_RULE_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row" className="py-2 pr-4 font-normal text-slate-800">{RULE_CATALOGUE[type].measures}, {RULE_CATALOGUE[type].window}</th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatAlertFigure(type, thresholds[type].warning)}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatAlertFigure(type, thresholds[type].critical)}</td>
                <td className="py-2 font-mono text-xs text-slate-500">{RULE_CATALOGUE[type].variable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-slate-500">Database and Redis unreachable alerts fire after 3 failed probes in a row and are always critical.</p>
    </Panel>
  );
}
