import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fmt, percentileOf } from "./stats";

const STARTS = 3;
const WARM_RUNS = 8;
const BURST = 20;
// Alertmanager's default group_wait: the least time from a firing alert to its first notification there.
const ALERTMANAGER_GROUP_WAIT_MS = 30_000;
// Order bursts are evaluated at most once a second: runs are spaced so each burst is evaluated at once.
const GAP_MS = 1200;
// A run whose webhook has not come by then is counted as missed.
const RUN_TIMEOUT_MS = 15_000;

type Reply = { kind: "ready" } | { kind: "armed" } | { kind: "sent"; startedAt: number };

function startReceiver() {
  let delivered: ((at: number) => void) | undefined;
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const at = Date.now();
      response.end("ok");
      if (body.includes('"alert.created"')) delivered?.(at);
    });
  });
  return {
    server,
    nextDelivery: () => new Promise<number>((resolve) => (delivered = resolve)),
  };
}

function reply(child: ChildProcess, kind: Reply["kind"]): Promise<Reply> {
  return new Promise((resolve) => {
    const listener = (message: Reply) => {
      if (message.kind !== kind) return;
      child.off("message", listener);
      resolve(message);
    };
    child.on("message", listener);
  });
}

/** Orders ingested until the alert's webhook reached a local receiver, in ms. */
async function oneRun(child: ChildProcess, receiver: ReturnType<typeof startReceiver>): Promise<number | null> {
  child.send({ kind: "arm", orders: BURST });
  await reply(child, "armed");
  await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  const delivered = receiver.nextDelivery();
  child.send({ kind: "burst", orders: BURST });
  const sent = (await reply(child, "sent")) as Extract<Reply, { kind: "sent" }>;
  const missed = new Promise<null>((resolve) => setTimeout(resolve, RUN_TIMEOUT_MS, null));
  const at = await Promise.race([delivered, missed]);
  return at === null ? null : at - sent.startedAt;
}

/**
 * Event to alert to webhook: a burst of orders ingested by a server runtime of its own (every
 * background service) until the HIGH_ORDER_CREATION_RATE webhook reaches a local receiver. Cold is
 * the first alert after a start, warm the ones after it.
 */
export async function benchEventToWebhook(databaseUrl: string): Promise<void> {
  const receiver = startReceiver();
  receiver.server.listen(0, "127.0.0.1");
  await once(receiver.server, "listening");
  const hook = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hook`;
  const cold: number[] = [];
  const warm: number[] = [];
  let missed = 0;
  const keep = (into: number[], ms: number | null) => (ms === null ? missed++ : into.push(ms));
  try {
    for (let start = 0; start < STARTS; start++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-bench-"));
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        LOG_DIR: path.join(dataDir, "logs"),
        LOG_LEVEL: "error",
        NODE_ENV: "production" as const,
        MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
        MONITORING_ALERT_WEBHOOK_URL: hook,
        MONITORING_ENABLE_EMAIL_ALERTS: "false",
        MONITORING_ENABLE_SMS_ALERTS: "false",
      };
      const child = fork(path.join(import.meta.dirname, "webhook-server-process.ts"), [], { env, execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
      try {
        await reply(child, "ready");
        keep(cold, await oneRun(child, receiver));
        for (let run = 0; run < WARM_RUNS; run++) keep(warm, await oneRun(child, receiver));
      } finally {
        child.kill("SIGTERM");
        await once(child, "exit");
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    receiver.server.close();
  }
  const line = (what: string, times: number[]) => `${what}: p50 ${fmt(percentileOf(times, 0.5))} ms, p95 ${fmt(percentileOf(times, 0.95))} ms, max ${fmt(Math.max(...times))} ms`;
  console.log(`\nEvent to alert to webhook received (${BURST} orders ingested, HIGH_ORDER_CREATION_RATE, local receiver; ${STARTS} starts)`);
  console.log(`  ${line(`warm (${warm.length} runs)`, warm)}  (target p95 < 1000 ms)`);
  console.log(`  ${line(`cold, first alert after a start (${cold.length} runs)`, cold)}  (target p95 < 5000 ms)`);
  if (missed) console.log(`  ${missed} runs saw no webhook within ${RUN_TIMEOUT_MS / 1000} s`);
  console.log(`  reference: Alertmanager's default group_wait alone holds a first notification ${ALERTMANAGER_GROUP_WAIT_MS / 1000} s`);
}
