import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fmt } from "./stats";

const IDLE_MS = 60_000;
// Start-up work (the first evaluation compiling its queries, the first full garbage collection)
// is over by then: what is measured is the steady idle cost.
const SETTLE_MS = 30_000;
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function cpuShareOver(pids: number[], ms: number): Promise<number[]> {
  const before = pids.map(cpuSeconds);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return pids.map((pid, i) => ((cpuSeconds(pid) - before[i]) / (ms / 1000)) * 100);
}

const rssMb = (bytes: number) => fmt(bytes / 2 ** 20);
const statusRss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;

/**
 * The server runtime (every background loop, no HTTP layer) in a process of its own: CPU while
 * idle for 60 s next to a bare Node.js process idling as long, and RSS after 50,000 requests and
 * 60 s later.
 */
export async function benchIdleServer(databaseUrl: string, viewerToken: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-bench-"));
  const env = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_DIR: path.join(dataDir, "logs"), LOG_LEVEL: "warn", NODE_ENV: "production" as const };
  const server: ChildProcess = fork(path.join(import.meta.dirname, "server-process.ts"), [viewerToken], { env, execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const bare: ChildProcess = fork("-e", ["setInterval(() => {}, 1 << 30)"], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  try {
    const [message] = await once(server, "message");
    if (message !== "ready") throw new Error("the server process did not start");
    const startedRss = statusRss(server.pid!);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const [ours, baseline] = await cpuShareOver([server.pid!, bare.pid!], IDLE_MS);
    console.log(`\nServer runtime idle for ${IDLE_MS / 1000} s, ${SETTLE_MS / 1000} s after start (every background loop, Redis ${process.env.REDIS_URL ? "on" : "off"})`);
    console.log(`  CPU: ${fmt(ours, 2)} % of a core; a bare Node.js process idling as long: ${fmt(baseline, 2)} %  (target < 1 %)`);
    server.send("load");
    const [{ rss }] = (await once(server, "message")) as [{ rss: number }];
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    console.log(`  RSS: ${rssMb(startedRss)} MB at start, ${rssMb(rss)} MB after 50,000 GET /metrics, ${rssMb(statusRss(server.pid!))} MB 60 s later`);
  } finally {
    server.kill("SIGTERM");
    bare.kill();
    await once(server, "exit");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
