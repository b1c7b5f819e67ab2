import type { MetricSeriesData } from "@/lib/client-data/dashboard-keys";
import { formatPercent } from "@/lib/client-data/format";
import { HOST_METRIC_RULES, levelOf } from "@/lib/client-data/levels";
import type { Thresholds } from "@/lib/config";
import { cx } from "../ui/cx";
import { RelativeTime } from "../ui/relative-time";

const HOST_METRICS = ["cpu", "memory", "disk"] as const;
const LEVEL_TEXT = { critical: "text-critical font-semibold", warning: "text-warning font-semibold" } as const;

function latest(series: MetricSeriesData[], instance: string, metric: string) {
  return series.find((one) => one.instance === instance && one.metric === metric)?.points.at(-1);
}

/** The latest sample of each instance, coloured against the host rules. */
export function InstanceSummary({ series, instances, thresholds }: { series: MetricSeriesData[]; instances: string[]; thresholds: Thresholds }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[28rem] text-sm">
        <caption className="sr-only">Latest sample per instance</caption>
        <thead className="border-b border-slate-100 text-xs text-slate-500">
          <tr className="text-right">
            <th scope="col" className="px-4 py-2 text-left font-medium">Instance</th>
            <th scope="col" className="px-4 py-2 font-medium">CPU</th>
            <th scope="col" className="px-4 py-2 font-medium">Memory</th>
            <th scope="col" className="px-4 py-2 font-medium">Disk</th>
            <th scope="col" className="px-4 py-2 font-medium">Last sample</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-50 text-right tabular-nums">
          {instances.map((instance) => {
            const points = HOST_METRICS.map((metric) => latest(series, instance, metric));
            const newest = points.map((point) => point?.t).filter((t): t is string => t !== undefined).sort().at(-1);
            return (
              <tr key={instance}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-800">{instance}</th>
                {HOST_METRICS.map((metric, index) => {
                  const level = levelOf(points[index]?.value, thresholds[HOST_METRIC_RULES[metric]]);
                  return (
                    <td key={metric} className={cx("px-4 py-2", level && LEVEL_TEXT[level])}>
                      {formatPercent(points[index]?.value)}
                    </td>
                  );
                })}
                <td className="px-4 py-2 text-slate-500">{newest ? <RelativeTime value={newest} /> : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
