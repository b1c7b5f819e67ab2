import { inhibitionStep } from "./inhibition-step";
import type { NoticeAlert, NotifyDecision, NotifyPolicy, NotifyStep } from "./policy";
import { silenceStep } from "./silence-step";

/** The steps every notice passes, in order; the first to give a reason holds it back. */
export const NOTIFY_STEPS: readonly NotifyStep[] = [silenceStep, inhibitionStep];

export function decideNotification(alert: NoticeAlert, policy: NotifyPolicy, now: Date, steps: readonly NotifyStep[] = NOTIFY_STEPS): NotifyDecision {
  for (const step of steps) {
    const reason = step(alert, policy, now);
    if (reason) return { send: false, reason };
  }
  return { send: true };
}
