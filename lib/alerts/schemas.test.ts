import { expect, test } from "vitest";
import { acknowledgeBody, alertListQuerySchema, alertParams, resolveBody } from "./schemas";

test("list filters take one value or several, comma-separated", () => {
  expect(alertListQuerySchema.parse({ status: "ACTIVE, ACKNOWLEDGED", type: "TEST_ALERT", severity: "CRITICAL" })).toEqual({
    status: ["ACTIVE", "ACKNOWLEDGED"],
    type: ["TEST_ALERT"],
    severity: ["CRITICAL"],
    limit: 50,
  });
  expect(alertListQuerySchema.safeParse({ status: "ACTIVE,OPEN" }).success).toBe(false);
});

test("times are ISO 8601 with an offset, or dates at midnight UTC", () => {
  expect(alertListQuerySchema.parse({ from: "2026-02-08T10:00:00+05:45", to: "2026-02-09" })).toMatchObject({
    from: new Date("2026-02-08T04:15:00Z"),
    to: new Date("2026-02-09T00:00:00Z"),
  });
  expect(alertListQuerySchema.safeParse({ from: "2026-02-08T10:00:00" }).success).toBe(false);
  expect(alertListQuerySchema.safeParse({ from: "2026-02-09", to: "2026-02-09" }).success).toBe(false);
});

test("limit is a whole number from 1 to 200, 50 by default", () => {
  expect(alertListQuerySchema.parse({ limit: "200" }).limit).toBe(200);
  for (const limit of ["0", "201", "1.5", "ten"]) expect(alertListQuerySchema.safeParse({ limit }).success).toBe(false);
});

test("an alert id is any UUID PostgreSQL accepts", () => {
  expect(alertParams.safeParse({ id: "00000000-0000-0000-0000-000000000000" }).success).toBe(true);
  expect(alertParams.safeParse({ id: "42" }).success).toBe(false);
});

test("blank optional fields count as absent; resolution must say something", () => {
  expect(acknowledgeBody.parse({ acknowledgedBy: " ", notes: "" })).toEqual({});
  expect(resolveBody.parse({ resolution: " Test complete " })).toEqual({ resolution: "Test complete" });
  expect(resolveBody.safeParse({ resolution: "   " }).success).toBe(false);
  expect(resolveBody.safeParse({ resolvedBy: "admin" }).success).toBe(false);
});
