import { MonitorClient } from "../platform-client/monitor-client";
import { bullConnection } from "../queues/connection";
import { type SimulatedJob, openQueues, startJobWorkers } from "./job-workers";
import type { Scenario, SimulationOptions } from "./options";
import { Rate } from "./rate";

const TICK_MS = 250;
const STATUS_EVERY_MS = 10_000;
// Of the messages sent, the share whose delivery receipt comes back.
const DELIVERED_SHARE = 0.8;
/** orders-drop: the share of --order-rate that still comes once the drop starts. */
export const DROPPED_ORDER_SHARE = 0.3;

export interface SimulationTotals {
  orders: number;
  messages: number;
  messagesFailed: number;
  jobsStarted: number;
  jobsCompleted: number;
  jobsFailed: number;
}

/**
 * Plays the platform until `signal` aborts: orders and WhatsApp messages through the platform
 * client, and jobs on BullMQ queues processed by real workers (or, without Redis, reported as
 * events). Resolves with the totals once workers are done and the client has flushed.
 */
export async function runSimulation(options: SimulationOptions, signal: AbortSignal, log: (line: string) => void): Promise<SimulationTotals> {
  const totals: SimulationTotals = { orders: 0, messages: 0, messagesFailed: 0, jobsStarted: 0, jobsCompleted: 0, jobsFailed: 0 };
  const client = new MonitorClient({ baseUrl: options.baseUrl, token: options.token, onError: (error) => log(`monitor: ${error.message}`) });
  const jobs = options.redisUrl ? bullmqJobs(options, options.redisUrl, totals, log) : eventJobs(client, totals, log);
  const rates = { orders: new Rate(options.ordersPerMinute), messages: new Rate(options.messagesPerMinute), jobs: new Rate(options.jobsPerMinute) };
  let queueTurn = 0;
  const heartbeats = options.scenario === "service-silent" ? new MonitorClient({ baseUrl: options.baseUrl, token: options.token, service: options.service, onError: (error) => log(`monitor: ${error.message}`) }) : null;
  const failures: Record<Scenario, () => Promise<void> | void> = {
    "orders-stop": () => void (rates.orders = new Rate(0)),
    "orders-drop": () => void (rates.orders = new Rate(options.ordersPerMinute * DROPPED_ORDER_SHARE)),
    "queue-stall": () => jobs.stopQueue(options.stallQueue),
    "service-silent": () => heartbeats?.close(),
  };
  const scenario = options.scenario;
  const failure = scenario && setTimeout(() => {
    log(`Scenario ${scenario} starts now`);
    void failures[scenario]();
  }, options.scenarioAfterMs);

  const tick = () => {
    for (let i = rates.orders.due(TICK_MS); i > 0; i--) {
      client.orderCreated();
      totals.orders++;
    }
    for (let i = rates.messages.due(TICK_MS); i > 0; i--) sendMessage(client, options.messageFailureRatio, totals);
    for (let i = rates.jobs.due(TICK_MS); i > 0; i--) {
      const queue = options.queues[queueTurn++ % options.queues.length];
      jobs.start(queue, { durationMs: Math.round(options.jobDurationMs * (0.5 + Math.random())), failAttempts: Math.random() < options.jobFailureRatio ? 1 : 0 });
      totals.jobsStarted++;
    }
  };
  const status = () => {
    const { delivered, dropped, buffered } = client.stats();
    log(
      `orders ${totals.orders} | messages ${totals.messages} (${totals.messagesFailed} failed) | jobs ${totals.jobsStarted} started, ` +
        `${totals.jobsCompleted} completed, ${totals.jobsFailed} failed | events delivered ${delivered}, buffered ${buffered}, dropped ${dropped}`,
    );
  };

  log(`Simulating against ${options.baseUrl}: ${options.ordersPerMinute} orders, ${options.messagesPerMinute} messages and ${options.jobsPerMinute} jobs a minute`);
  const ticker = setInterval(tick, TICK_MS);
  const reporter = setInterval(status, STATUS_EVERY_MS);
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));
  clearInterval(ticker);
  clearInterval(reporter);
  if (failure) clearTimeout(failure);
  await heartbeats?.close();
  log("Stopping: finishing running jobs and sending buffered events");
  await jobs.close();
  await client.close();
  status();
  return totals;
}

function sendMessage(client: MonitorClient, failureRatio: number, totals: SimulationTotals): void {
  totals.messages++;
  if (Math.random() < failureRatio) {
    totals.messagesFailed++;
    client.whatsappMessage("failed", { error: "simulated: recipient unreachable" });
    return;
  }
  client.whatsappMessage("sent");
  if (Math.random() < DELIVERED_SHARE) client.whatsappMessage("delivered");
}

interface JobRunner {
  start(queue: string, job: SimulatedJob): void;
  stopQueue(queue: string): Promise<void>;
  close(): Promise<void>;
}

function bullmqJobs(options: SimulationOptions, redisUrl: string, totals: SimulationTotals, log: (line: string) => void): JobRunner {
  const connection = bullConnection(redisUrl);
  const workers = startJobWorkers({
    connection,
    prefix: options.prefix,
    queues: options.queues,
    concurrency: options.concurrency,
    onFinished: (_queue, outcome) => (outcome === "completed" ? totals.jobsCompleted++ : totals.jobsFailed++),
    onError: (error) => log(`worker: ${error.message}`),
  });
  const queues = openQueues(options.queues, connection, options.prefix);
  for (const queue of queues.values()) queue.on("error", (error) => log(`queue: ${error.message}`));
  log(`Workers for ${options.queues.join(", ")} on ${redisUrl} (prefix ${options.prefix})`);
  return {
    start(queue, job) {
      // Finished jobs are trimmed as a busy platform would, so a long run keeps Redis small.
      void queues
        .get(queue)!
        .add("simulated", job, { removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } })
        .catch((error: Error) => log(`queue ${queue}: ${error.message}`));
    },
    stopQueue: (queue) => workers.stopQueue(queue),
    async close() {
      await workers.close();
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}

// Without Redis there are no queues to observe: jobs are timed here and reported as events.
function eventJobs(client: MonitorClient, totals: SimulationTotals, log: (line: string) => void): JobRunner {
  log("REDIS_URL is not set: jobs are reported through the ingest API instead of run on BullMQ workers");
  const running = new Set<Promise<void>>();
  return {
    start(queue, job) {
      const done = new Promise<void>((resolve) => setTimeout(resolve, job.durationMs)).then(() => {
        running.delete(done);
        if (job.failAttempts > 0) {
          client.jobFailed(queue, job.durationMs, { error: `simulated ${queue} failure` });
          totals.jobsFailed++;
        } else {
          client.jobCompleted(queue, job.durationMs);
          totals.jobsCompleted++;
        }
      });
      running.add(done);
    },
    async stopQueue() {
      log("queue-stall needs REDIS_URL: without BullMQ queues there is nothing to stall");
    },
    async close() {
      await Promise.all(running);
    },
  };
}
