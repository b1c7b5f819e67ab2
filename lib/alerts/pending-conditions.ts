import type { RuleType } from "./catalogue";
import type { RuleOutcome } from "./evaluate-rules";

/** An outcome after the pending check: a pending firing one refreshes an open alert but opens none. */
export type HeldOutcome = RuleOutcome & { pending?: boolean };

/**
 * Remembers since when each (rule, subject) has been firing, so a rule with a pending duration
 * ("for") opens its alert only once its condition has held that long, and a shorter blip opens
 * nothing. Kept in the leader's memory: a new leader starts the clocks afresh, which can only
 * delay an alert by at most one pending duration, never raise one early or twice.
 */
export function createPendingConditions() {
  let firingSince = new Map<string, number>();
  return {
    hold(outcomes: RuleOutcome[], forMs: Record<RuleType, number>, now: Date): HeldOutcome[] {
      const next = new Map<string, number>();
      const held = outcomes.map((outcome): HeldOutcome => {
        if (outcome.state !== "firing") return outcome;
        const key = `${outcome.type}\u0000${outcome.subject ?? ""}`;
        const since = firingSince.get(key) ?? now.getTime();
        next.set(key, since);
        return { ...outcome, pending: now.getTime() - since < forMs[outcome.type] };
      });
      firingSince = next;
      return held;
    },
  };
}

export type PendingConditions = ReturnType<typeof createPendingConditions>;
