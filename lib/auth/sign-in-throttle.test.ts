import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { TooManyRequestsError } from "../http/errors";
import { memoryLimiters, SIGN_IN_LIMITS, signInThrottle } from "./sign-in-throttle";

beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-01T10:00:00Z") }));
afterEach(() => vi.useRealTimers());

async function refusal(attempt: Promise<unknown>): Promise<TooManyRequestsError | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
}

test("a pair's attempts past the free ones wait for the last, each wait twice the one before", async () => {
  const throttle = signInThrottle(memoryLimiters, "test:");
  for (let i = 0; i < SIGN_IN_LIMITS.freeAttemptsPerPair; i++) await throttle.admit("owner@example.com", "203.0.113.7");
  const waits: number[] = [];
  for (let round = 0; round < 4; round++) {
    await throttle.admit("owner@example.com", "203.0.113.7"); // the first attempt after a wait goes through
    const refused = await refusal(throttle.admit("owner@example.com", "203.0.113.7"));
    expect(refused?.status).toBe(429);
    waits.push(refused!.retryAfterSeconds!);
    await vi.advanceTimersByTimeAsync(refused!.retryAfterSeconds! * 1000);
  }
  // Each refused attempt counts too, so the wait grows by two doublings per round here.
  expect(waits).toEqual([1, 4, 16, 64]);
});

test("another address, and a success, are not held back by one address's guesses", async () => {
  const throttle = signInThrottle(memoryLimiters, "test:");
  for (let i = 0; i < 20; i++) await refusal(throttle.admit("owner@example.com", "198.51.100.66"));
  expect(await refusal(throttle.admit("owner@example.com", "198.51.100.66"))).not.toBeNull();
  const owner = await throttle.admit("owner@example.com", "203.0.113.7");
  await owner.succeeded();
  // A success forgets the pair's count: the owner keeps every free attempt.
  for (let i = 0; i < SIGN_IN_LIMITS.freeAttemptsPerPair; i++) await throttle.admit("owner@example.com", "203.0.113.7");
});

test("the account-wide limit holds against many addresses, and ends with its window", async () => {
  const throttle = signInThrottle(memoryLimiters, "test:");
  for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await throttle.admit("owner@example.com", `10.0.${Math.floor(i / 250)}.${i % 250}`);
  const refused = await refusal(throttle.admit("owner@example.com", "203.0.113.7"));
  expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
  await vi.advanceTimersByTimeAsync(SIGN_IN_LIMITS.windowSeconds * 1000);
  await throttle.admit("owner@example.com", "203.0.113.7");
});

test("one address spraying many accounts is limited", async () => {
  const throttle = signInThrottle(memoryLimiters, "test:");
  for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await throttle.admit(`user${i}@example.com`, "198.51.100.66");
  expect(await refusal(throttle.admit("owner@example.com", "198.51.100.66"))).not.toBeNull();
  await throttle.admit("owner@example.com", "203.0.113.7");
});
