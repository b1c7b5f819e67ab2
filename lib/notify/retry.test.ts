import { expect, test } from "vitest";
import { retryDelayMs } from "./retry";

test("doubles the wait after each failed attempt, up to the cap", () => {
  const policy = { maxAttempts: 10, baseDelayMs: 5000, maxDelayMs: 30_000 };
  expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, policy))).toEqual([5000, 10_000, 20_000, 30_000, 30_000]);
});
