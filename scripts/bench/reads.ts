import { fmt, medianOfRuns, percentileOf, ratio, runConcurrently } from "./stats";

const REQUESTS = 2000;
const CONCURRENCY = 8;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };

/** GET /metrics with a VIEWER token through the route wrapper, next to the same handler code bare. */
export async function benchAuthenticatedReads(token: string): Promise<void> {
  const { GET } = (await import("../../app/api/v1/monitoring/metrics/route")) as { GET: Handler };
  const { getMetricsSnapshot } = await import("../../lib/monitoring/metrics");
  const { getVerifiedTokenCache } = await import("../../lib/auth/token-cache");
  while (!getVerifiedTokenCache().listening()) await new Promise((resolve) => setTimeout(resolve, 50));
  const bare: Handler = async () => Response.json(await getMetricsSnapshot());
  const request = () => new Request("http://localhost/api/v1/monitoring/metrics", { headers: { authorization: `Bearer ${token}` } });

  const perSecond = async (handler: Handler) => {
    await runConcurrently(200, CONCURRENCY, async () => (await handler(request(), noParams)).arrayBuffer());
    const { latencies, wallMs } = await runConcurrently(REQUESTS, CONCURRENCY, async () => {
      const response = await handler(request(), noParams);
      if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
      await response.arrayBuffer();
    });
    return { rate: REQUESTS / (wallMs / 1000), p50: percentileOf(latencies, 0.5) };
  };
  const figures = await medianOfRuns(async () => {
    const baseline = await perSecond(bare);
    const ours = await perSecond(GET);
    return { ours: ours.rate, oursP50: ours.p50, bare: baseline.rate, bareP50: baseline.p50 };
  });
  console.log(`\nGET /metrics with a VIEWER token, ${CONCURRENCY} in flight (median of 3 runs of ${REQUESTS} requests)`);
  console.log(`  through the route wrapper: ${fmt(figures.ours, 0)} requests/s, p50 ${fmt(figures.oursP50, 2)} ms`);
  console.log(`  bare route, same handler code: ${fmt(figures.bare, 0)} requests/s, p50 ${fmt(figures.bareP50, 2)} ms  -> ours ${ratio(figures.ours, figures.bare)} (target >= 0.85x)`);
}
