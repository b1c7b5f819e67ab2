import { cx } from "../ui/cx";

/** A mean's change from the previous period; for waiting times, shorter is better. */
export function Trend({ percent }: { percent: number | null }) {
  if (percent === null) return <span className="text-xs text-slate-400">no earlier figure</span>;
  const better = percent < 0;
  return (
    <span className={cx("text-xs", percent === 0 ? "text-slate-500" : better ? "text-ok" : "text-critical")} title="Change of the mean against the previous period of the same length">
      {percent > 0 ? "+" : percent < 0 ? "−" : "±"}
      {Math.abs(percent)}% vs previous
    </span>
  );
}
