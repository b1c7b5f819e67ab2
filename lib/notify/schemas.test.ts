import { expect, test } from "vitest";
import { deliveriesQuery, testNotificationBody } from "./schemas";

test("channel and status accept any case", () => {
  expect(testNotificationBody.parse({ channel: " webhook " })).toEqual({ channel: "WEBHOOK" });
  expect(deliveriesQuery.parse({ channel: "Sms", status: "failed" })).toEqual({ channel: "SMS", status: "FAILED" });
  expect(deliveriesQuery.parse({})).toEqual({});
});

test("unknown channels and statuses are refused", () => {
  expect(testNotificationBody.safeParse({ channel: "fax" }).success).toBe(false);
  expect(testNotificationBody.safeParse({}).success).toBe(false);
  expect(deliveriesQuery.safeParse({ status: "lost" }).success).toBe(false);
});
