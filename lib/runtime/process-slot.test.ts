import { expect, test, vi } from "vitest";
import { processSlot, resetProcessSlot } from "./process-slot";

test("a slot creates its value once and hands the same one out after", () => {
  const create = vi.fn(() => ({ id: Math.random() }));
  const slot = processSlot("test:created-once", create);
  expect(slot.peek()).toBeUndefined();
  const first = slot.get();
  expect(slot.get()).toBe(first);
  expect(slot.peek()).toBe(first);
  expect(create).toHaveBeenCalledTimes(1);
});

test("reset empties the slot, so the next get creates a fresh value", () => {
  let made = 0;
  const slot = processSlot("test:reset", () => ++made);
  expect(slot.get()).toBe(1);
  slot.reset();
  expect(slot.peek()).toBeUndefined();
  expect(slot.get()).toBe(2);
});

test("set replaces the value, and a null set stays null rather than being created again", () => {
  const slot = processSlot<string | null>("test:set", () => "created");
  slot.set("given");
  expect(slot.get()).toBe("given");
  slot.set(null);
  expect(slot.get()).toBeNull();
});

test("a create that throws leaves the slot empty, so a later get tries again", () => {
  let fail = true;
  const slot = processSlot("test:throwing", () => {
    if (fail) throw new Error("not configured");
    return "ready";
  });
  expect(() => slot.get()).toThrow("not configured");
  fail = false;
  expect(slot.get()).toBe("ready");
});

test("a second copy of the module, as another Next.js bundle loads it, shares the slot's value", async () => {
  const here = processSlot("test:bundles", () => ({ from: "first copy" }));
  const value = here.get();
  vi.resetModules();
  const copy = await import("./process-slot");
  expect(copy.processSlot).not.toBe(processSlot);
  const there = copy.processSlot("test:bundles", () => ({ from: "second copy" }));
  expect(there.get()).toBe(value);
  there.reset();
  expect(here.peek()).toBeUndefined();
});

test("a test can empty a slot by name without holding the module's slot object", () => {
  let made = 0;
  const slot = processSlot("test:by-name", () => ++made);
  slot.get();
  resetProcessSlot("test:by-name");
  expect(slot.get()).toBe(2);
});
