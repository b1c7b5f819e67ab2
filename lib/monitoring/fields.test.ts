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

test("different labels never share a field, and every field reads back as its own labels", () => {
  const requests = [
    ["/api/v1/x", "GET", 200],
    ["/api/v1/x", "GET", 500],
    ["/api/v1/x", "POST", 200],
    ["/api/v1/x|GET", "GET", 200],
    ["/api/v1/y", "GET", 200],
  ] as const;
  const fields = requests.map(([route, method, status]) => apiRequestField(route, method, status));
  expect(new Set(fields).size).toBe(requests.length);
  expect(fields.map(parseApiRequestField)).toEqual(requests.map(([route, method, status]) => ({ route, method, status, refused: false })));
  const jobs = [jobField("a", "completed"), jobField("a", "failed"), jobField("a|failed", "completed")];
  expect(new Set(jobs).size).toBe(3);
  expect(jobs.map(parseJobField)).toEqual([
    { queue: "a", outcome: "completed" },
    { queue: "a", outcome: "failed" },
    { queue: "a|failed", outcome: "completed" },
  ]);
});

test("other fields are not mistaken for jobs or requests", () => {
  expect(parseJobField("orders")).toBeNull();
  expect(parseApiRequestField("ms|3")).toBeNull();
});
