import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { UNMATCHED_ROUTE, methodLabel, routeTemplateOf } from "./route-templates";
import { ROUTE_TEMPLATES } from "./routes";

function routeFolders(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `/api/${path.dirname(file).split(path.sep).join("/")}`);
}

test("the templates are exactly the route files under app/api", () => {
  const folders = routeFolders(path.join(process.cwd(), "app/api"));
  expect([...ROUTE_TEMPLATES].sort()).toEqual(folders.sort());
});

test.each([
  ["/api/v1/monitoring/alerts", "/api/v1/monitoring/alerts"],
  ["/api/v1/monitoring/alerts/6f1c2b0e-0000-4000-8000-000000000000", "/api/v1/monitoring/alerts/[id]"],
  ["/api/v1/monitoring/alerts/%61x1", "/api/v1/monitoring/alerts/[id]"],
  ["/api/v1/monitoring/alerts/%61x1/resolve", "/api/v1/monitoring/alerts/[id]/resolve"],
  ["/api/v1/monitoring/alerts/test", "/api/v1/monitoring/alerts/test"],
  ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
  ["/api/v1/monitoring/alerts/", UNMATCHED_ROUTE],
  ["/api/v1/monitoring/alerts//resolve", UNMATCHED_ROUTE],
  ["/api/v1/monitoring/alerts/x/y/z", UNMATCHED_ROUTE],
  ["/api/v1/nothing-here", UNMATCHED_ROUTE],
  ["/api/auth", UNMATCHED_ROUTE],
])("%s is labelled %s", (pathname, template) => {
  expect(routeTemplateOf(pathname)).toBe(template);
});

test("only standard methods become labels", () => {
  expect(methodLabel("GET")).toBe("GET");
  expect(methodLabel("PROPFIND")).toBe("OTHER");
});
