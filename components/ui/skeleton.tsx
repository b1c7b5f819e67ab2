import { cx } from "./cx";
import { Panel } from "./panel";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx("animate-pulse rounded-md bg-slate-200/80", className)} />;
}

/** Stands in for a panel's content while it loads, announced once to screen readers. */
export function LoadingBlock({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className="h-5 w-full" />
      ))}
    </div>
  );
}

/** A page's placeholder while its first answer loads: a panel of skeleton rows. */
export function LoadingPanel({ label, rows }: { label: string; rows?: number }) {
  return (
    <Panel>
      <LoadingBlock label={label} rows={rows} />
    </Panel>
  );
}
