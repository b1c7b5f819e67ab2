import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health";
import { leaderSource } from "@/lib/monitoring/leadership";
import { route } from "@/lib/http/route";
import { getRedis } from "@/lib/redis";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  const report = await checkHealth(getDb(), getRedis(), leaderSource());
  return Response.json(report, { status: report.status === "unhealthy" ? 503 : 200 });
});
