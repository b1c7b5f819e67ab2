import { once } from "node:events";
import readline from "node:readline";
import { expect, test } from "vitest";
import { createDb } from "../../../lib/db/client";
import { createEmptyDatabase } from "../../support/database";
import { quietInstanceEnv, spawnMonitorInstance, withInstanceCluster } from "../fixtures/monitor-instances";
import { startTcpProxy, waitFor } from "../../support/fake-servers";

const cluster = withInstanceCluster();
const env = (databaseUrl: string) => quietInstanceEnv("start-up", { databaseUrl, redisUrl: cluster.redis.url, dataDir: cluster.dataDir });

test("started while PostgreSQL is down, the server migrates, leads and reports healthy once it answers, without a restart", { timeout: 90_000 }, async () => {
  const empty = await createEmptyDatabase();
  const proxy = await startTcpProxy(Number(new URL(empty.url).port || 5432));
  try {
    proxy.cut();
    const viaProxy = new URL(empty.url);
    viaProxy.port = String(proxy.port);
    const [instance] = await cluster.start(["start-up"], () => ({ DATABASE_URL: viaProxy.toString() }));
    // It leads through the Redis lease meanwhile, to tell the channels of the outage.
    expect(JSON.parse(await instance.ask("health"))).toMatchObject({ status: "unhealthy", database: "disconnected", leader: "start-up" });

    proxy.restore();
    const health = await waitFor(async () => {
      const report = JSON.parse(await instance.ask("health"));
      return report.status === "healthy" && report;
    }, "health to recover", 30_000);
    expect(health).toMatchObject({ database: "connected", leader: "start-up" });
    const direct = createDb(empty.url);
    try {
      // The migration retried in the background has created the schema.
      await waitFor(async () => (await direct.$queryRaw<{ found: string | null }[]>`SELECT to_regclass('public.system_alerts')::text AS found`)[0].found !== null, "the migrations", 30_000);
      expect(await direct.systemAlert.count()).toBe(0);
    } finally {
      await direct.$disconnect();
    }
    expect(await instance.stop()).toBe(0);
  } finally {
    await proxy.close();
    await empty.drop();
  }
});

test("a migration changed after it was applied stops the server at start-up, naming it", { timeout: 60_000 }, async () => {
  const [{ migration_name: first }] = await cluster.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name LIMIT 1`;
  await cluster.db.$executeRaw`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = ${first}`;
  const child = spawnMonitorInstance({ ...env(cluster.database.url), LOG_LEVEL: "error" });
  const output: string[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => output.push(line));
  const [code] = await once(child, "exit");
  expect(code).toBe(1);
  expect(output.join("\n")).toContain(`Migration ${first} was changed after it was applied`);
  expect(output).not.toContain("@@ready");
});
