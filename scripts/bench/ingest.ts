import { randomUUID } from "node:crypto";
import pg from "pg";
import { fmt, medianOfRuns, percentileOf, ratio, runConcurrently } from "./stats";

const BATCHES = 24;
const BATCH_SIZE = 1000;
const CONCURRENCY = 2;

type Handler = (request: Request) => Promise<Response>;

function batchOfEvents(queue: string): { ids: string[]; body: string } {
  const at = new Date().toISOString();
  const events = Array.from({ length: BATCH_SIZE }, (_, i) => {
    const id = randomUUID();
    if (i % 4 === 0) return { id, type: "order.created", timestamp: at };
    if (i % 4 === 1) return { id, type: "whatsapp.message", status: i % 8 === 1 ? "failed" : "sent", timestamp: at };
    return { id, type: i % 8 === 2 ? "job.failed" : "job.completed", queue, durationMs: (i * 37) % 2000, timestamp: at };
  });
  return { ids: events.map((event) => event.id), body: JSON.stringify({ events }) };
}

const post = (body: string, token: string) =>
  new Request("http://localhost/api/v1/monitoring/events", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });

// PostgreSQL's own limit: the same ids claimed in one multi-row INSERT ... ON CONFLICT DO NOTHING,
// into a copy of the table so that neither side finds the other's ids.
function multiRowInsert(ids: string[]): { text: string; values: string[] } {
  const rows = ids.map((_, i) => `($${i + 1}, now())`).join(",");
  return { text: `INSERT INTO bench_claims (id, received_at) VALUES ${rows} ON CONFLICT DO NOTHING`, values: ids };
}

/** Ingest of 1000-event batches through the route, next to PostgreSQL's limit and a parse-only route. */
export async function benchIngest(databaseUrl: string, token: string, queue: string): Promise<void> {
  const { POST } = (await import("../../app/api/v1/monitoring/events/route")) as { POST: Handler };
  const parseOnly: Handler = async (request) => Response.json({ events: ((await request.json()) as { events: unknown[] }).events.length }, { status: 202 });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  // Another process on a shared server may end idle connections: the pool replaces them.
  pool.on("error", () => {});
  await pool.query("CREATE TABLE IF NOT EXISTS bench_claims (LIKE ingested_events INCLUDING ALL)");

  const eventsPerSecond = async (send: (batch: { ids: string[]; body: string }) => Promise<unknown>) => {
    const batches = Array.from({ length: BATCHES }, () => batchOfEvents(queue));
    await send(batchOfEvents(queue));
    const { latencies, wallMs } = await runConcurrently(BATCHES, CONCURRENCY, (i) => send(batches[i]));
    return { rate: (BATCHES * BATCH_SIZE) / (wallMs / 1000), p50: percentileOf(latencies, 0.5) };
  };
  const throughRoute = (handler: Handler) => async ({ body }: { body: string }) => {
    const response = await handler(post(body, token));
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };

  const figures = await medianOfRuns(async () => {
    const postgres = await eventsPerSecond(({ ids }) => pool.query(multiRowInsert(ids)));
    const ours = await eventsPerSecond(throughRoute(POST));
    const parse = await eventsPerSecond(throughRoute(parseOnly));
    return { ours: ours.rate, oursP50: ours.p50, postgres: postgres.rate, postgresP50: postgres.p50, parse: parse.rate };
  });
  await pool.end();

  console.log(`\nIngest, ${BATCH_SIZE}-event batches, ${CONCURRENCY} in flight (median of 3 runs of ${BATCHES} batches)`);
  console.log(`  POST /events (route, auth, validation, claim, count): ${fmt(figures.ours, 0)} events/s, p50 ${fmt(figures.oursP50)} ms a batch`);
  console.log(`  PostgreSQL multi-row INSERT ... ON CONFLICT DO NOTHING, same ids: ${fmt(figures.postgres, 0)} events/s, p50 ${fmt(figures.postgresP50)} ms  -> ours ${ratio(figures.ours, figures.postgres)} (target >= 0.50x, and >= 35,000 events/s)`);
  console.log(`  a route that only parses the same body: ${fmt(figures.parse, 0)} events/s  -> ours ${ratio(figures.ours, figures.parse)}`);
}
