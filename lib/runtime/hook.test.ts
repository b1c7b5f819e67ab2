import { expect, test } from "vitest";
import { createHook } from "./hook";

test("every observer hears a report until it is removed", () => {
  const hook = createHook<number>("test:hook-removal");
  const heard: string[] = [];
  const stopA = hook.on((n) => heard.push(`a${n}`));
  hook.on((n) => heard.push(`b${n}`));
  hook.report(1);
  stopA();
  hook.report(2);
  expect(heard).toEqual(["a1", "b1", "b2"]);
});

test("an observer that throws neither fails the reporter nor silences the others", () => {
  const hook = createHook<string>("test:hook-throwing");
  const heard: string[] = [];
  hook.on(() => {
    throw new Error("broken observer");
  });
  hook.on((event) => heard.push(event));
  expect(() => hook.report("query")).not.toThrow();
  expect(heard).toEqual(["query"]);
});

test("two copies of one hook, as two bundles of one process load it, share their observers", () => {
  const heard: number[] = [];
  createHook<number>("test:hook-shared").on((n) => heard.push(n));
  createHook<number>("test:hook-shared").report(7);
  expect(heard).toEqual([7]);
});
