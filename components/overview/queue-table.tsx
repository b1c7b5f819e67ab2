import type { DashboardData } from "@/lib/client-data/dashboard-keys";
import { formatCount, formatPercent, formatUptime } from "@/lib/client-data/format";
import { type Levels, levelOf } from "@/lib/client-data/levels";
import { Badge } from "../ui/badge";
import { cx } from "../ui/cx";

type Queues = NonNullable<DashboardData["metrics"]>["jobs"]["byQueue"];

const LEVEL_TEXT = { critical: "text-critical font-semibold", warning: "text-warning font-semibold" } as const;

/** How long a queue's oldest waiting job has waited at `at`: "4m 10s", or a dash when none waits. */
function oldestWait(oldestWaitingAt: number | null | undefined, at: number): string {
  return oldestWaitingAt == null ? "—" : formatUptime((at - oldestWaitingAt) / 1000);
}

/** Jobs by queue over the last hour, with the depth the queue observer saw; a stalled queue is flagged. */
export function QueueTable({ queues, stalled, at, failureLevels }: { queues: Queues; stalled: string[]; at: number; failureLevels: Levels }) {
  const names = Object.keys(queues).sort();
  return (
    <section aria-label="Jobs by queue" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:col-span-2 xl:col-span-3">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Jobs by queue · last hour</h3>
      {names.length === 0 ? (
        <p className="text-sm text-slate-500">No jobs seen yet. Queues are observed through Redis (MONITORING_QUEUES); run npm run simulate to see them move.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="text-xs text-slate-500">
              <tr className="border-b border-slate-100 text-right">
                <th scope="col" className="py-1.5 text-left font-medium">Queue</th>
                <th scope="col" className="py-1.5 font-medium">Completed</th>
                <th scope="col" className="py-1.5 font-medium">Failed</th>
                <th scope="col" className="py-1.5 font-medium">Failure rate</th>
                <th scope="col" className="py-1.5 font-medium">Waiting</th>
                <th scope="col" className="py-1.5 font-medium">Active</th>
                <th scope="col" className="py-1.5 font-medium">Oldest waiting</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-50 text-right tabular-nums">
              {names.map((name) => {
                const queue = queues[name];
                const level = levelOf(queue.failureRate, failureLevels);
                return (
                  <tr key={name}>
                    <th scope="row" className="py-1.5 text-left font-normal text-slate-800">
                      {name}
                      {stalled.includes(name) && (
                        <Badge tone="critical" className="ml-2">
                          Stalled
                        </Badge>
                      )}
                    </th>
                    <td className="py-1.5">{formatCount(queue.completed)}</td>
                    <td className="py-1.5">{formatCount(queue.failed)}</td>
                    <td className={cx("py-1.5", level && LEVEL_TEXT[level])}>{formatPercent(queue.failureRate)}</td>
                    <td className="py-1.5">{formatCount(queue.depth?.waiting)}</td>
                    <td className="py-1.5">{formatCount(queue.depth?.active)}</td>
                    <td className="py-1.5">{oldestWait(queue.depth?.oldestWaitingAt, at)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
