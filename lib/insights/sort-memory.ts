import type { Db } from "../db/client";


// Percentiles sort every row of a period; at 100,000 alerts the default 4 MB spills to disk.
const SORT_MEMORY = "32MB";

/** Runs one query in a transaction of its own whose sorts may use SORT_MEMORY. */
export async function withSortMemory<T>(db: Db, query: ReturnType<Db["$queryRaw"]>): Promise<T> {
  const [, result] = await db.$transaction([db.$executeRawUnsafe(`SET LOCAL work_mem = '${SORT_MEMORY}'`), query]);
  return result as T;
}
