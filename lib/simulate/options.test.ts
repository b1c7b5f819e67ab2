import { describe, expect, test } from "vitest";
import { parseSimulationOptions } from "./options";

const env = { INGEST_TOKEN: "kmon_ingest", ADMIN_TOKEN: "kmon_admin" };

describe("simulate options", () => {
  test("defaults: the six queues, local server, the INGEST token before the ADMIN one, until stopped", () => {
    expect(parseSimulationOptions([], env)).toMatchObject({
      baseUrl: "http://localhost:3000",
      token: "kmon_ingest",
      redisUrl: undefined,
      durationMs: null,
      queues: ["credit-score", "risk-control", "order-routing", "vendor-performance", "price-intelligence", "recovery"],
      prefix: "bull",
    });
  });

  test("flags and environment", () => {
    const parsed = parseSimulationOptions(
      ["--duration", "5m", "--order-rate", "120", "--message-failure", "0.5", "--job-failure", "1", "--queues", "a, b", "--base-url", "http://monitor:4000/"],
      { ADMIN_TOKEN: "kmon_admin", REDIS_URL: "redis://r:6379", BASE_URL: "http://ignored" },
    );
    expect(parsed).toMatchObject({ baseUrl: "http://monitor:4000", token: "kmon_admin", redisUrl: "redis://r:6379", durationMs: 300_000, ordersPerMinute: 120, messageFailureRatio: 0.5, jobFailureRatio: 1, queues: ["a", "b"] });
    expect(parseSimulationOptions(["--duration", "90"], env)).toMatchObject({ durationMs: 90_000 });
  });

  test.each([
    [["--message-failure", "1.5"], "--message-failure expects a number from 0 to 1"],
    [["--order-rate=-1"], "--order-rate expects a number of at least 0"],
    [["--duration", "soon"], "--duration expects a time such as 90s"],
    [["--unknown"], "Unknown option '--unknown'"],
  ])("%j is refused with a clear message", (argv, message) => {
    expect((parseSimulationOptions(argv, env) as { error: string }).error).toContain(message);
  });

  test("a missing token says how to make one; --help needs none", () => {
    expect((parseSimulationOptions([], {}) as { error: string }).error).toContain("npm run token:create");
    expect(parseSimulationOptions(["--help"], {})).toBe("help");
  });
});

describe("scenarios", () => {
  test("default to none; a scenario starts after --scenario-after, on the first queue unless told", () => {
    expect(parseSimulationOptions([], env)).toMatchObject({ scenario: null, scenarioAfterMs: 60_000, stallQueue: "credit-score", service: "simulated-service" });
    expect(parseSimulationOptions(["--scenario", "queue-stall", "--scenario-after", "30s", "--stall-queue", "recovery"], env)).toMatchObject({
      scenario: "queue-stall",
      scenarioAfterMs: 30_000,
      stallQueue: "recovery",
    });
  });

  test.each([
    [["--scenario", "meteor"], "--scenario expects one of orders-stop, orders-drop, queue-stall, service-silent"],
    [["--scenario", "orders-drop"], "set DATABASE_URL"],
    [["--scenario-after", "later"], "--scenario-after expects a time"],
    [["--service", "Order Service"], "--service expects lower-case letters"],
  ])("%j is refused: %s", (argv, message) => {
    expect(parseSimulationOptions(argv, env)).toEqual({ error: expect.stringContaining(message) });
  });
});
