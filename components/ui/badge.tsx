import type { ReactNode } from "react";
import { cx } from "./cx";

/** The meanings a colour may carry; every badge, figure and chart line picks one of these. */
export type Tone = "critical" | "warning" | "ok" | "info" | "muted";

const TONES: Record<Tone, string> = {
  critical: "bg-critical-soft text-critical ring-critical/30",
  warning: "bg-warning-soft text-warning ring-warning/30",
  ok: "bg-ok-soft text-ok ring-ok/30",
  info: "bg-info-soft text-info ring-info/30",
  muted: "bg-slate-100 text-slate-600 ring-slate-300",
};

const DOTS: Record<Tone, string> = { critical: "bg-critical", warning: "bg-warning", ok: "bg-ok", info: "bg-info", muted: "bg-slate-400" };

const OUTLINES: Record<Tone, string> = {
  critical: "text-critical ring-critical/60",
  warning: "text-warning ring-warning/60",
  ok: "text-ok ring-ok/60",
  info: "text-info ring-info/60",
  muted: "text-slate-600 ring-slate-400",
};

/**
 * A label in a meaning's colour. Severity and health use the filled pill; states (an alert's
 * status, a token's) use the outlined shape, so two badges side by side never read alike.
 */
export function Badge({ tone, children, dot = false, outline = false, className, title }: { tone: Tone; children: ReactNode; dot?: boolean; outline?: boolean; className?: string; title?: string }) {
  return (
    <span
      title={title}
      className={cx(
        "inline-flex items-center gap-1.5 px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        outline ? cx("rounded-md bg-white", OUTLINES[tone]) : cx("rounded-full", TONES[tone]),
        className,
      )}
    >
      {dot && <span aria-hidden className={cx("size-1.5 rounded-full", DOTS[tone])} />}
      {children}
    </span>
  );
}

export function Dot({ tone }: { tone: Tone }) {
  return <span aria-hidden className={cx("inline-block size-2.5 shrink-0 rounded-full", DOTS[tone])} />;
}
