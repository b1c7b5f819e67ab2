"use client";

import { formatDistanceStrict } from "date-fns";
import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;

// One shared clock for every relative time on the page, ticking every 15 s.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // The clock stood still while nothing showed a time; the store re-reads it after subscribing.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// A time a few seconds ahead of this browser's clock (server clock skew) reads as "just now", not "in 3 seconds".
const SKEW_MS = 60_000;
const JUST_NOW_MS = 10_000;
function reference(clock: number, time: number): number {
  return time > clock && time - clock < SKEW_MS ? time : clock;
}

function relative(date: Date, clock: number): string {
  const from = reference(clock, date.getTime());
  return Math.abs(from - date.getTime()) < JUST_NOW_MS ? "just now" : formatDistanceStrict(date, from, { addSuffix: true });
}

/** "3 minutes ago", with the exact local time on hover. The server renders UTC until hydration. */
export function RelativeTime({ value, className }: { value: string | Date; className?: string }) {
  const date = new Date(value);
  const clock = useSyncExternalStore(subscribe, () => now, () => null);
  const iso = date.toISOString();
  const text = clock === null ? `${iso.slice(0, 16).replace("T", " ")} UTC` : relative(date, clock);
  const exact = clock === null ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <time dateTime={iso} title={exact} className={className}>
      {text}
    </time>
  );
}
