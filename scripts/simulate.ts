import "dotenv/config";
import { parseSimulationOptions, SIMULATE_HELP } from "../lib/simulate/options";
import { runSimulation } from "../lib/simulate/simulation";

const options = parseSimulationOptions(process.argv.slice(2), process.env);
if (options === "help") {
  console.log(SIMULATE_HELP);
} else if ("error" in options) {
  console.error(`${options.error}\n\n${SIMULATE_HELP}`);
  process.exitCode = 2;
} else {
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  if (options.durationMs !== null) setTimeout(() => stop.abort(), options.durationMs).unref();
  await runSimulation(options, stop.signal, (line) => console.log(`${new Date().toISOString()} ${line}`));
}
