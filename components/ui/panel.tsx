import type { ReactNode } from "react";
import { cx } from "./cx";

/** A titled card: every block of the dashboard sits in one. */
export function Panel({ title, label, actions, children, className }: { title?: ReactNode; label?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-label={label} className={cx("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      {(title || actions) && (
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
          {title && <h2 className="text-sm font-semibold text-slate-800">{title}</h2>}
          {actions}
        </header>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}
