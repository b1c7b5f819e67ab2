type Listener<T> = (event: T) => void;

/** A layer reports to its observers through a hook without knowing who listens (the metrics layer, say). */
export interface Hook<T> {
  /** Adds an observer; returns its removal. */
  on(listener: Listener<T>): () => void;
  /** Tells every observer; one that throws never fails the work it observes. */
  report(event: T): void;
}

/**
 * A hook whose observers live on globalThis under `slot`: Next.js bundles route handlers and
 * instrumentation.ts separately, and an observer registered at start-up must hear every bundle.
 */
export function createHook<T>(slot: string): Hook<T> {
  const global = globalThis as unknown as Record<string, Listener<T>[] | undefined>;
  const listeners = (global[slot] ??= []);
  return {
    on(listener) {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    report(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A broken observer must never fail the work it observes.
        }
      }
    },
  };
}
