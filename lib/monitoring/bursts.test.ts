import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { noteActivity, onBurst } from "./bursts";

let unsubscribe: () => void;
let calls: string[];
// The burst state is process-wide: each test starts a minute after the last one's notices.
let startAt = Date.parse("2026-11-28T10:00:00Z");

beforeEach(() => {
  startAt += 60_000;
  vi.useFakeTimers({ now: startAt });
  calls = [];
  unsubscribe = onBurst((kind) => calls.push(kind));
});

afterEach(() => {
  unsubscribe();
  vi.runOnlyPendingTimers();
  vi.useRealTimers();
});

test("a burst is announced once, right after the call that records it, never during it", () => {
  for (let i = 0; i < 50; i++) noteActivity("orders");
  expect(calls).toEqual([]);
  vi.advanceTimersByTime(0);
  expect(calls).toEqual(["orders"]);
});

test("at most once per second per kind", () => {
  noteActivity("orders");
  vi.advanceTimersByTime(0);
  noteActivity("orders");
  noteActivity("whatsapp");
  vi.advanceTimersByTime(0);
  expect(calls).toEqual(["orders", "whatsapp"]);
  vi.advanceTimersByTime(999);
  expect(calls).toEqual(["orders", "whatsapp"]);
  vi.advanceTimersByTime(1);
  expect(calls).toEqual(["orders", "whatsapp", "orders"]);
});

test("a failing listener does not keep the others from hearing", () => {
  const stop = onBurst(() => {
    throw new Error("broken evaluator");
  });
  const heard: string[] = [];
  const stopSecond = onBurst((kind) => heard.push(kind));
  noteActivity("whatsapp");
  vi.advanceTimersByTime(0);
  expect(heard).toEqual(["whatsapp"]);
  stop();
  stopSecond();
});
