// The server runtime without Next.js's HTTP layer (the benchmark's child process): starts every
// background service as instrumentation.ts does, says "ready", and on "load" serves 50,000
// GET /metrics route calls with the VIEWER token on argv, then reports its RSS.
import "dotenv/config";

const [viewerToken] = process.argv.slice(2);
const { startServerRuntime } = await import("../../lib/runtime/server");
await startServerRuntime();

const { GET } = (await import("../../app/api/v1/monitoring/metrics/route")) as { GET: (request: Request) => Promise<Response> };
process.on("message", async (message) => {
  if (message !== "load") return;
  for (let i = 0; i < 50_000; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async () => (await GET(new Request("http://localhost/api/v1/monitoring/metrics", { headers: { authorization: `Bearer ${viewerToken}` } }))).arrayBuffer()),
    );
  }
  process.send!({ rss: process.memoryUsage().rss });
});
process.send!("ready");
