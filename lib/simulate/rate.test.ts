import { expect, test } from "vitest";
import { Rate } from "./rate";

test("a rate per minute comes out whole, whatever the tick length", () => {
  const rate = new Rate(30);
  let total = 0;
  for (let tick = 0; tick < 240; tick++) total += rate.due(250);
  expect(total).toBe(30);
  expect(new Rate(90).due(60_000)).toBe(90);
  expect(new Rate(0).due(60_000)).toBe(0);
});
