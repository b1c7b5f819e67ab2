type Listener<T> = (event: T) => void;
import { processSlot } from "./process-slot";

/** A layer reports to its observers through a hook without knowing who listens (the metrics layer, say). */
export interface Hook<T> {
  /** Adds an observer; returns its removal. */
  on(listener: Listener<T>): () => void;
  /** Tells every observer; one that throws never fails the work it observes. */
  report(event: T): void;
}

/**
 * A hook whose observers sit in the process slot `name`: Next.js bundles route handlers and
 * instrumentation.ts separately, and an observer registered at start-up must hear every bundle.
 */
export function createHook<T>(name: string): Hook<T> {
  const listeners = processSlot<Listener<T>[]>(name, () => []);
  return {
    on(listener) {
      listeners.get().push(listener);
      return () => {
        const current = listeners.get();
        const index = current.indexOf(listener);
        if (index >= 0) current.splice(index, 1);
      };
    },
    report(event) {
      for (const listener of listeners.get()) {
        try {
          listener(event);
        } catch {
          // A broken observer must never fail the work it observes.
        }
      }
    },
  };
}
