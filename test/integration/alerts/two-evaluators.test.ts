import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import readline from "node:readline";
import { expect, test } from "vitest";
import type { AlertChange } from "../../../lib/alerts/apply-outcomes";
import { getDb } from "../../../lib/db/client";
import { withAlertDatabase } from "./support";

const context = withAlertDatabase();

function startEvaluator(): { child: ChildProcess; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "fixtures", "evaluate-once.ts")], {
    env: { ...process.env, DATABASE_URL: context.database.url, MONITORING_ORDER_RATE_THRESHOLD: "100" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  return { child, lines: readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error("the evaluator exited early");
  return value;
}

test("two evaluators in two processes on one database create exactly one alert", async () => {
  const evaluators = [startEvaluator(), startEvaluator()];
  let changes: AlertChange[];
  try {
    for (const { lines } of evaluators) expect(await nextLine(lines)).toBe("ready");
    for (const { child } of evaluators) child.stdin!.end("go\n");
    changes = (await Promise.all(evaluators.map(async ({ lines }) => JSON.parse(await nextLine(lines)) as AlertChange[]))).flat();
    await Promise.all(evaluators.map(({ child }) => child.exitCode ?? once(child, "exit")));
  } finally {
    for (const { child } of evaluators) child.kill();
  }

  const alerts = await getDb().systemAlert.findMany({ where: { type: "HIGH_ORDER_CREATION_RATE" } });
  expect(alerts).toHaveLength(1);
  expect(changes.filter((change) => change.change === "created")).toEqual([{ type: "HIGH_ORDER_CREATION_RATE", change: "created", alertId: alerts[0].id }]);
  // The loser lost the insert race (already-open), saw the winner's alert in the cooldown check
  // (suppressed), or came late and refreshed it: whichever, never a second alert.
  expect(changes.filter((change) => change.change !== "created").map((change) => change.change)).toEqual([expect.stringMatching(/^(already-open|suppressed|refreshed)$/)]);
  expect(await getDb().alertEvent.count({ where: { kind: "created" } })).toBe(1);
});
