/** One value per process under a name: a client, a cache, a list of observers. */
export interface ProcessSlot<T> {
  /** The value, created on first use. */
  get(): T;
  /** The value if one was created or set, else undefined; never creates it. */
  peek(): T | undefined;
  /** Puts `value` in the slot in place of any other. */
  set(value: T): void;
  /** Empties the slot: the next get() creates a fresh value (tests, and close functions). */
  reset(): void;
}

type Registry = Map<string, { value: unknown }>;

// The registry itself sits on globalThis, and every get() reads it afresh: Next.js loads a module
// once for instrumentation.ts and again for the route handlers' bundle, and both copies must see
// the one value (the collector writes readings a route handler reads, say).
const REGISTRY = Symbol.for("khaacho.process-slots");

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/** The process's slot `name`, filled by `create` on first use; a throwing `create` leaves it empty. */
export function processSlot<T>(name: string, create: () => T): ProcessSlot<T> {
  return {
    get() {
      const held = registry().get(name);
      if (held) return held.value as T;
      const value = create();
      registry().set(name, { value });
      return value;
    },
    peek: () => registry().get(name)?.value as T | undefined,
    set(value) {
      registry().set(name, { value });
    },
    reset() {
      registry().delete(name);
    },
  };
}

/** Empties the slot `name` from anywhere, for a test that needs a fresh value (a client is closed by its own close function). */
export function resetProcessSlot(name: string): void {
  registry().delete(name);
}
