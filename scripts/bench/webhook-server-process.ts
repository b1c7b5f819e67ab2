// The server runtime (every background service, no HTTP layer) for the event-to-webhook bench:
// says "ready", then on "arm" resolves the open order-rate alert and sets the rule's level just
// above the orders of the last hour, and on "burst" ingests that many orders and answers with the
// time it began (epoch ms).
import "dotenv/config";
import { randomUUID } from "node:crypto";

const { startServerRuntime } = await import("../../lib/runtime/server");
await startServerRuntime();
const { getDb } = await import("../../lib/db/client");
const { recordEvents } = await import("../../lib/ingest/record-events");
const { getMetricsSnapshot } = await import("../../lib/monitoring/metrics");
const { getTracker } = await import("../../lib/monitoring/tracker");
const { updateRule } = await import("../../lib/alerts/rule-settings/change");
const { resolveAlert } = await import("../../lib/alerts/lifecycle");
type RulePatch = Parameters<typeof updateRule>[2];

const RULE = "HIGH_ORDER_CREATION_RATE";
const principal = { kind: "token" as const, id: "bench", name: "bench", role: "ADMIN" as const };

async function arm(burst: number): Promise<void> {
  const open = await getDb().systemAlert.findMany({ where: { type: RULE, status: { not: "RESOLVED" } }, select: { id: true } });
  for (const { id } of open) await resolveAlert(getDb(), id, { resolution: "bench run over" }, principal);
  // Settled first: a batch being settled is counted twice for a moment, which would set the level too high.
  await getTracker().flush();
  const orders = (await getMetricsSnapshot()).orders.lastHour;
  const warning = orders + burst - 1;
  await updateRule(getDb(), RULE, { warning, critical: warning * 10, cooldownMs: 0 } as RulePatch, principal);
}

process.on("message", async (message: { kind: "arm" | "burst"; orders: number }) => {
  if (message.kind === "arm") {
    await arm(message.orders).catch((error) => console.error(`Arming failed: ${error instanceof Error ? error.message : String(error)}`));
    process.send!({ kind: "armed" });
    return;
  }
  const startedAt = Date.now();
  const at = new Date(startedAt).toISOString();
  await recordEvents(getDb(), Array.from({ length: message.orders }, () => ({ id: randomUUID(), type: "order.created", timestamp: at })));
  process.send!({ kind: "sent", startedAt });
});
process.send!({ kind: "ready" });
