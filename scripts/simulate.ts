import "dotenv/config";
import { parseSimulationOptions, SIMULATE_HELP } from "../lib/simulate/options";
import { createDb } from "../lib/db/client";
import { seedOrderHistory } from "../lib/simulate/order-history";
import { runSimulation } from "../lib/simulate/simulation";

const options = parseSimulationOptions(process.argv.slice(2), process.env);
if (options === "help") {
  console.log(SIMULATE_HELP);
} else if ("error" in options) {
  console.error(`${options.error}\n\n${SIMULATE_HELP}`);
  process.exitCode = 2;
} else {
  if (options.scenario === "orders-drop" && options.databaseUrl) {
    const db = createDb(options.databaseUrl);
    const perHour = options.ordersPerMinute * 60;
    const rows = await seedOrderHistory(db, new Date(), { perHourByWeek: { 1: perHour, 2: perHour, 3: perHour, 4: perHour } });
    await db.$disconnect();
    console.log(`Seeded ${rows} minutes of order history at ${perHour} orders/h over the last four weeks`);
  }
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  if (options.durationMs !== null) setTimeout(() => stop.abort(), options.durationMs).unref();
  await runSimulation(options, stop.signal, (line) => console.log(`${new Date().toISOString()} ${line}`));
}
