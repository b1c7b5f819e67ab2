import { expect, test } from "vitest";
import { createChartCache } from "./chart-cache";

test("reads each range once per TTL, and shares a read in progress", async () => {
  const cache = createChartCache<string>(1000);
  let reads = 0;
  const read = async () => `read ${++reads}`;
  const [first, concurrent] = await Promise.all([cache("7d", read, 0), cache("7d", read, 10)]);
  expect([first, concurrent]).toEqual(["read 1", "read 1"]);
  expect(await cache("24h", read, 20)).toBe("read 2");
  expect(await cache("7d", read, 999)).toBe("read 1");
  expect(await cache("7d", read, 1000)).toBe("read 3");
});

test("does not remember a failed read", async () => {
  const cache = createChartCache<string>(1000);
  await expect(cache("1h", () => Promise.reject(new Error("database down")), 0)).rejects.toThrow("database down");
  expect(await cache("1h", async () => "recovered", 1)).toBe("recovered");
});

test("keeps at most its bound of keys, forgetting the oldest", async () => {
  const cache = createChartCache<string>(1000, 2);
  let reads = 0;
  const read = async () => `read ${++reads}`;
  await cache("a", read, 0);
  await cache("b", read, 0);
  await cache("c", read, 0);
  expect(await cache("b", read, 1)).toBe("read 2");
  expect(await cache("a", read, 1)).toBe("read 4");
});
