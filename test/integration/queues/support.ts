import { execFile } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import winston from "winston";
import { cursorKey } from "../../../lib/queues/event-cursor";
import { TEST_REDIS_URL } from "../../support/redis";
import type { PlannedJob } from "./fixtures/platform-workers";

const run = promisify(execFile);
const FIXTURE = path.resolve("test/integration/queues/fixtures/platform-workers.ts");

/** Runs the platform's workers in another process until the jobs are done; answers what they processed. */
export async function runPlatform(prefix: string, jobs: PlannedJob[], redisUrl = TEST_REDIS_URL): Promise<Record<string, { completed: number; failed: number }>> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", FIXTURE], {
    env: { ...process.env, REDIS_URL: redisUrl, BULL_PREFIX: prefix, JOBS: JSON.stringify(jobs) },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

/** A logger that keeps the messages it is given, to check what a service logs. */
export function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)).message);
      done();
    },
  });
  return { lines, logger: winston.createLogger({ transports: [new winston.transports.Stream({ stream: sink, format: winston.format.json() })] }) };
}

export async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Waits until observers with these prefixes have counted each queue's newest finished-job event. */
export async function untilCaughtUp(client: Redis, ns: { prefix: string; keyPrefix: string }, queues: string[]): Promise<void> {
  for (const queue of queues) {
    const entries = await client.xrevrange(`${ns.prefix}:${queue}:events`, "+", "-");
    const newest = entries.find(([, fields]) => ["completed", "failed"].includes(fields[1]))?.[0];
    await until(async () => (await client.get(cursorKey(ns.keyPrefix, ns.prefix, queue))) === newest);
  }
}
