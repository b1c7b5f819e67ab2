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

export function Badge({ tone, children, dot = false, className }: { tone: Tone; children: ReactNode; dot?: boolean; className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONES[tone], className)}>
      {dot && <span aria-hidden className={cx("size-1.5 rounded-full", DOTS[tone])} />}
      {children}
    </span>
  );
}

export function Dot({ tone }: { tone: Tone }) {
  return <span aria-hidden className={cx("inline-block size-2.5 shrink-0 rounded-full", DOTS[tone])} />;
}
