"use client";

import { useSetSearchParams } from "@/lib/client-data/use-search-param-state";
import { cx } from "../ui/cx";

const LABELS: Record<string, string> = { "1h": "1 hour", "6h": "6 hours", "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** The charts' time range, kept in the URL (?range=24h) so a link shows the same view. */
export function RangePicker<R extends string>({ ranges, value }: { ranges: readonly R[]; value: R }) {
  const setParams = useSetSearchParams();
  return (
    <div role="group" aria-label="Chart range" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
      {ranges.map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          aria-label={LABELS[range]}
          onClick={() => setParams({ range })}
          className={cx("rounded px-3 py-1.5 text-sm font-medium", range === value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}
        >
          {range}
        </button>
      ))}
    </div>
  );
}
