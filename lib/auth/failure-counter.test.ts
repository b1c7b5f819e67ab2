import { expect, test } from "vitest";
import { memoryFailureCounter } from "./failure-counter";

test("counts failures per key within a window that starts at the first failure", async () => {
  let now = 1_000_000;
  const counter = memoryFailureCounter(() => now);
  await counter.add("account:a", 60_000);
  now += 30_000;
  await counter.add("account:a", 60_000);
  expect(await counter.count("account:a")).toBe(2);
  expect(await counter.count("account:b")).toBe(0);
  now += 30_000; // the window opened by the first failure has ended
  expect(await counter.count("account:a")).toBe(0);
  await counter.add("account:a", 60_000);
  expect(await counter.count("account:a")).toBe(1);
  await counter.clear("account:a");
  expect(await counter.count("account:a")).toBe(0);
});
