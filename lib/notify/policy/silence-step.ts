import { matchesAlert } from "../../silences/matchers";
import { isWindow, silenceState } from "../../silences/schedule";
import type { HoldReason, NotifyStep, PolicySilence } from "./policy";

/** Holds back the notices of an alert an active silence or maintenance window matches. */
export const silenceStep: NotifyStep = (alert, { silences, timeZone }, now) => {
  const silence = silences.find((candidate) => matchesAlert(candidate, alert) && silenceState(candidate, now, timeZone) === "active");
  return silence ? silencedBy(silence) : null;
};

function silencedBy(silence: PolicySilence): HoldReason {
  const what = isWindow(silence) ? `maintenance window ${silence.id}` : silence.id;
  return { step: "silence", text: `silenced by ${what} (${silence.reason})`, silenceId: silence.id, silenceReason: silence.reason };
}
