"use client";

import { HOST_METRIC_RULES, thresholdLines } from "@/lib/client-data/levels";
import type { Thresholds } from "@/lib/config";
import type { ChartInput } from "../charts/chart-input";
import { ChartHostUsage } from "../charts/chart-host-usage";

const METRICS = [
  { metric: "cpu", title: "CPU" },
  { metric: "memory", title: "Memory" },
  { metric: "disk", title: "Disk" },
] as const;

/** CPU, memory and disk of one instance side by side; recharts loads with this module. */
export default function InstanceCharts({ input, thresholds }: { input: ChartInput; thresholds: Thresholds }) {
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
      {METRICS.map(({ metric, title }) => (
        <figure key={metric} className="min-w-0">
          <figcaption className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</figcaption>
          <ChartHostUsage metric={metric} {...input} thresholds={thresholdLines(thresholds[HOST_METRIC_RULES[metric]])} />
        </figure>
      ))}
    </div>
  );
}
