import pg from "pg";
import { withTimeout } from "../timeout";

export interface ChannelListenerOptions {
  connectionString: string;
  /** A PostgreSQL NOTIFY channel (a plain identifier). */
  channel: string;
  /** Called for each notification, and after every (re)connection: what was sent meanwhile was missed. */
  onWake: () => void;
  onError: (error: unknown) => void;
  onListening?: () => void;
  retryMs?: number;
}

export interface ChannelListener {
  close(): Promise<void>;
}

const ANSWER_WITHIN_MS = 5000;

/**
 * Holds a connection of its own LISTENing on a channel, and reconnects after `retryMs` whenever it
 * breaks, so a listener survives PostgreSQL restarts and outages.
 */
export function listenOnChannel(options: ChannelListenerOptions): ChannelListener {
  const retryMs = options.retryMs ?? 2000;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const drop = (failed: pg.Client, error: unknown) => {
    if (client !== failed) return;
    client = null;
    failed.end().catch(() => {});
    if (closed) return;
    options.onError(error);
    retry = setTimeout(connect, retryMs);
    retry.unref();
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: ANSWER_WITHIN_MS, keepAlive: true });
    client = next;
    next.on("error", (error) => drop(next, error));
    next.on("end", () => drop(next, new Error(`The connection listening on ${options.channel} closed`)));
    next.on("notification", () => options.onWake());
    try {
      await next.connect();
      await withTimeout(next.query(`LISTEN ${options.channel}`), ANSWER_WITHIN_MS, "PostgreSQL");
    } catch (error) {
      drop(next, error);
      return;
    }
    if (closed || client !== next) return;
    options.onListening?.();
    options.onWake();
  }

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}
