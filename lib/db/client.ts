import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { getConfig } from "../config";
import { reportQueryCompleted } from "./query-hooks";
import { processSlot } from "../runtime/process-slot";

export type Db = PrismaClient;

export interface DbTimeouts {
  queryTimeoutMs: number;
  connectTimeoutMs: number;
}

// The defaults of DATABASE_QUERY_TIMEOUT and DATABASE_CONNECT_TIMEOUT, for scripts and tests.
const DEFAULT_TIMEOUTS: DbTimeouts = { queryTimeoutMs: 5000, connectTimeoutMs: 3000 };

// A server that is frozen (not down) accepts connections and never answers, and enforces no
// statement_timeout: query_timeout makes the client give up too, a little after the server would.
const CLIENT_GRACE_MS = 1000;

export function createDb(connectionString: string, { queryTimeoutMs, connectTimeoutMs }: DbTimeouts = DEFAULT_TIMEOUTS): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30000,
    statement_timeout: queryTimeoutMs,
    query_timeout: queryTimeoutMs + CLIENT_GRACE_MS,
  });
  return withQueryTiming(new PrismaClient({ adapter }));
}

// Every successful query, raw or model, is reported to the query hook, through which the monitoring
// side times it into the database latency. A query-only extension adds no methods, so the extended
// client keeps PrismaClient's type.
function withQueryTiming(client: PrismaClient): Db {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        const started = performance.now();
        const result = await query(args);
        reportQueryCompleted({ durationMs: performance.now() - started });
        return result;
      },
    },
  }) as unknown as Db;
}

const processDb = processSlot("db", () => {
  const { databaseUrl: url, database } = getConfig();
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database");
  return createDb(url, database);
});

/** The process's Prisma client, created on first use and shared (one pool per process). */
export function getDb(): Db {
  return processDb.get();
}

export async function closeDb(): Promise<void> {
  const db = processDb.peek();
  processDb.reset();
  await db?.$disconnect();
}
