"use client";

import type { ReactNode } from "react";
import type { ChartInput } from "../charts/chart-input";
import { ChartApiErrors } from "../charts/chart-api-errors";
import { ChartApiLatency } from "../charts/chart-api-latency";
import { ChartHostUsage } from "../charts/chart-host-usage";
import { ChartJobs } from "../charts/chart-jobs";
import { ChartMessages } from "../charts/chart-messages";
import { ChartOrders } from "../charts/chart-orders";
import { thresholdLines } from "@/lib/client-data/levels";
import type { Thresholds } from "@/lib/config";
import type { SeriesColumn } from "@/lib/shared/chart-columns";
import { Panel } from "../ui/panel";

function ChartPanel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <Panel
      label={`${title} chart`}
      title={
        <>
          {title}
          {note && <span className="ml-2 font-normal text-slate-400">{note}</span>}
        </>
      }
    >
      {children}
    </Panel>
  );
}

/** The overview's eight charts; recharts loads with this module, after the first paint. */
export default function ChartGrid({ input, lastWeek, thresholds }: { input: ChartInput; lastWeek: SeriesColumn[]; thresholds: Thresholds }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <ChartPanel title="Orders" note="per minute">
        <ChartOrders {...input} lastWeek={lastWeek} />
      </ChartPanel>
      <ChartPanel title="WhatsApp messages" note="per minute">
        <ChartMessages {...input} />
      </ChartPanel>
      <ChartPanel title="Jobs" note="per minute">
        <ChartJobs {...input} />
      </ChartPanel>
      <ChartPanel title="API latency" note="p95 per minute">
        <ChartApiLatency {...input} />
      </ChartPanel>
      <ChartPanel title="API errors" note="5xx share of requests">
        <ChartApiErrors {...input} thresholds={thresholdLines(thresholds.HIGH_API_ERROR_RATE)} />
      </ChartPanel>
      <ChartPanel title="CPU" note="per instance">
        <ChartHostUsage metric="cpu" {...input} thresholds={thresholdLines(thresholds.HIGH_CPU_USAGE)} />
      </ChartPanel>
      <ChartPanel title="Memory" note="per instance">
        <ChartHostUsage metric="memory" {...input} thresholds={thresholdLines(thresholds.HIGH_MEMORY_USAGE)} />
      </ChartPanel>
      <ChartPanel title="Disk" note="per instance">
        <ChartHostUsage metric="disk" {...input} thresholds={thresholdLines(thresholds.HIGH_DISK_USAGE)} />
      </ChartPanel>
    </div>
  );
}
