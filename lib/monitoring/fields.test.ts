import { expect, test } from "vitest";
import { apiRequestField, jobField, parseApiRequestField, parseJobField } from "./fields";

test("job fields keep queue names with separators intact", () => {
  expect(parseJobField(jobField("billing:eu|2", "failed"))).toEqual({ queue: "billing:eu|2", outcome: "failed" });
});

test("API request fields round-trip route, method and status", () => {
  expect(parseApiRequestField(apiRequestField("/api/v1/monitoring/alerts/[id]/resolve", "POST", 409))).toEqual({
    route: "/api/v1/monitoring/alerts/[id]/resolve",
    method: "POST",
    status: 409,
    refused: false,
  });
  expect(parseApiRequestField(apiRequestField("/api/v1/monitoring/alerts", "GET", 401, "rej"))).toMatchObject({ status: 401, refused: true });
});

test("the same labels give the same interned field", () => {
  expect(apiRequestField("/api/v1/x", "GET", 200)).toBe(apiRequestField("/api/v1/x", "GET", 200));
  expect(jobField("recovery", "completed")).toBe(jobField("recovery", "completed"));
});

test("other fields are not mistaken for jobs or requests", () => {
  expect(parseJobField("orders")).toBeNull();
  expect(parseApiRequestField("ms|3")).toBeNull();
});
