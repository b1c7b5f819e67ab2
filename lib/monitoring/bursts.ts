import type { ActivityKind } from "./metrics-tracker";
import { processSlot } from "../runtime/process-slot";

type Listener = (kind: ActivityKind) => void;

// At most one burst notice per kind per second: enough for an alert within seconds of its cause,
// without evaluating the rules once per order.
const MIN_GAP_MS = 1000;

interface BurstState {
  listeners: Listener[];
  lastFiredAt: Record<ActivityKind, number>;
  scheduled: Record<ActivityKind, boolean>;
}

// One per process: the recording code and the evaluator may live in different bundles of one process.
const bursts = processSlot<BurstState>("bursts", () => ({
  listeners: [],
  lastFiredAt: { orders: 0, whatsapp: 0 },
  scheduled: { orders: false, whatsapp: false },
}));

/** Calls `listener` soon after orders or WhatsApp messages are recorded; returns the unsubscribe. */
export function onBurst(listener: Listener): () => void {
  const state = bursts.get();
  state.listeners.push(listener);
  return () => {
    const index = state.listeners.indexOf(listener);
    if (index >= 0) state.listeners.splice(index, 1);
  };
}

/** Called on the hot path: schedules one notice per kind, never calls listeners synchronously. */
export function noteActivity(kind: ActivityKind): void {
  const state = bursts.get();
  if (state.scheduled[kind] || state.listeners.length === 0) return;
  state.scheduled[kind] = true;
  const delay = Math.max(0, state.lastFiredAt[kind] + MIN_GAP_MS - Date.now());
  setTimeout(() => {
    state.scheduled[kind] = false;
    state.lastFiredAt[kind] = Date.now();
    for (const listener of [...state.listeners]) {
      try {
        listener(kind);
      } catch {
        // A failing listener must not stop the others or the recording code.
      }
    }
  }, delay).unref();
}
