import type { ActorCount, AlertDay } from "./days/alert-days";
import type { PeriodDay } from "./days/period-days";
import { byCodePoint } from "./percentile-cont";

export interface PersonActivity {
  actor: string;
  acknowledged: number;
  resolved: number;
  /** Mean seconds from an alert's creation to this person's acknowledgement of it. */
  meanSecondsToAcknowledge: number | null;
}

/**
 * Acknowledgements and resolutions per person in the period, from the alerts' own record of who
 * acknowledged and resolved them (the same actor the timeline holds); the evaluator is no person.
 */
export function activityByPerson(days: PeriodDay<AlertDay>[]): PersonActivity[] {
  const people = new Map<string, ActorCount>();
  for (const row of days.filter((day) => day.current).flatMap((day) => day.figures.people)) {
    const person = people.get(row.actor) ?? { actor: row.actor, acknowledged: 0, resolved: 0, waitSeconds: 0, waits: 0 };
    person.acknowledged += row.acknowledged;
    person.resolved += row.resolved;
    person.waitSeconds += row.waitSeconds;
    person.waits += row.waits;
    people.set(row.actor, person);
  }
  return [...people.values()]
    .map(({ actor, acknowledged, resolved, waitSeconds, waits }) => ({ actor, acknowledged, resolved, meanSecondsToAcknowledge: waits ? toTenths(waitSeconds / waits) : null }))
    .sort((a, b) => b.acknowledged + b.resolved - (a.acknowledged + a.resolved) || byCodePoint(a.actor, b.actor));
}

/** Rounded to one decimal as the database rounds a double cast to numeric: 15 significant digits, halves away from zero. */
function toTenths(value: number): number {
  const [digits, exponent = "0"] = value.toPrecision(15).split("e");
  const tenths = Number(`${digits}e${Number(exponent) + 1}`);
  return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
}
