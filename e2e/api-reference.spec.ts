import { expect, test } from "./support/fixtures";

test("the API reference page lists every operation of the OpenAPI document, with its parameters", async ({ adminPage: page, request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const operations = Object.values(document.paths as Record<string, object>).flatMap((methods) => Object.keys(methods));
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^(GET|POST|PUT|PATCH|DELETE) \// })).toHaveCount(operations.length);
  const list = page.getByRole("region", { name: "GET /api/v1/monitoring/alerts", exact: true });
  await expect(list).toContainText("List alerts, newest first");
  await expect(list).toContainText("severity (query): string");
  await expect(page.getByRole("region", { name: "POST /api/v1/monitoring/alerts/{id}/resolve" })).toContainText("Body fields: resolvedBy, resolution");
});
