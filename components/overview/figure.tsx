import type { ReactNode } from "react";
import { cx } from "../ui/cx";

const TONE = { critical: "text-critical", warning: "text-warning" } as const;

/** One key figure; coloured only when it is above an alert level. */
export function Figure({ label, value, level, hint }: { label: string; value: string; level?: "critical" | "warning"; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-slate-500">{label}</dt>
      <dd className={cx("mt-0.5 text-xl font-semibold tabular-nums", level ? TONE[level] : "text-slate-900")}>
        {value}
        {level && <span className="sr-only"> ({level}: above the alert threshold)</span>}
      </dd>
      {hint && <dd className="truncate text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/** A titled group of figures. */
export function FigureGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      <dl className="grid grid-cols-3 gap-3">{children}</dl>
    </section>
  );
}
