import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { getConfig } from "../config";
import { recordDbQuery } from "../monitoring/tracker";

export type Db = PrismaClient;

export function createDb(connectionString: string): Db {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30000 });
  return withQueryTiming(new PrismaClient({ adapter }));
}

// Every successful query, raw or model, feeds the database latency figures. A query-only
// extension adds no methods, so the extended client keeps PrismaClient's type.
function withQueryTiming(client: PrismaClient): Db {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        const started = performance.now();
        const result = await query(args);
        recordDbQuery(performance.now() - started);
        return result;
      },
    },
  }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { khaachoDb?: Db };

/** The process's Prisma client, created on first use and shared (one pool per process). */
export function getDb(): Db {
  if (!globalForDb.khaachoDb) {
    const url = getConfig().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database");
    globalForDb.khaachoDb = createDb(url);
  }
  return globalForDb.khaachoDb;
}

export async function closeDb(): Promise<void> {
  const db = globalForDb.khaachoDb;
  globalForDb.khaachoDb = undefined;
  await db?.$disconnect();
}
