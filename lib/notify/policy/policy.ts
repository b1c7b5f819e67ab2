import type { Dependency } from "../../alerts/catalogue";
import type { SilenceMatchers } from "../../silences/matchers";
import type { Schedule } from "../../silences/schedule";

// What the chain of notify steps decides from. Each step is a pure function of (alert, policy,
// now) that returns why the notice must be held back, or null to let it through to the next step.

/** The alert a notice is about, as the steps see it. */
export interface NoticeAlert {
  id: string;
  type: string;
  subject: string | null;
  severity: string;
}

export interface PolicySilence extends SilenceMatchers, Schedule {
  id: string;
  reason: string;
}

/** An open, still-firing alert that reports a dependency down. */
export interface FiringOutage {
  id: string;
  type: string;
  dependency: Dependency;
}

export interface NotifyPolicy {
  /** Silences and maintenance windows not yet over. */
  silences: readonly PolicySilence[];
  outages: readonly FiringOutage[];
  /** MONITORING_TIMEZONE: maintenance windows recur in its local time. */
  timeZone: string;
}

export type HoldReason =
  | { step: "silence"; text: string; silenceId: string; silenceReason: string }
  | { step: "inhibition"; text: string; inhibitedBy: string };

export type NotifyStep = (alert: NoticeAlert, policy: NotifyPolicy, now: Date) => HoldReason | null;

export type NotifyDecision = { send: true } | { send: false; reason: HoldReason };
