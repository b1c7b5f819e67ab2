import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/dashboard";
import { ADMIN } from "./support/env";

// recharts is the largest library of the dashboard; its class names mark the chunks that carry it.
const CHART_LIBRARY_MARK = "recharts-wrapper";

interface Script {
  url: string;
  body: Buffer;
}

async function download(page: Page, urls: string[]): Promise<Script[]> {
  return Promise.all(urls.map(async (url) => ({ url, body: await (await page.request.get(url)).body() })));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(label: string, scripts: Script[]): string {
  const raw = scripts.reduce((sum, { body }) => sum + body.length, 0);
  const gzip = scripts.reduce((sum, { body }) => sum + gzipSync(body).length, 0);
  return `${label}: ${scripts.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip`;
}

test("the overview's first load leaves the chart library to a later chunk", async ({ page }) => {
  await signIn(page, ADMIN);
  const loaded = new Set<string>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.ok()) loaded.add(response.url());
  });
  await page.goto("/admin");
  await expect(page.getByTestId("chart").first()).toBeVisible();

  // First-load JavaScript: the scripts the server-rendered HTML itself references.
  const html = await (await page.request.get("/admin")).text();
  // Scripts marked nomodule are for browsers without ES modules; this one never loads them.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag).filter((tag) => !/\snomodule/i.test(tag));
  const initialUrls = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []).map((src) => new URL(src, page.url()).href))];
  const initial = await download(page, initialUrls);
  const later = await download(page, [...loaded].filter((url) => !initialUrls.includes(url)));
  console.log(`[measure] /admin ${report("first-load JavaScript", initial)}; ${report("loaded after hydration", later)}`);

  expect(initialUrls.every((url) => loaded.has(url))).toBe(true);
  expect(initial.some(({ body }) => body.includes(CHART_LIBRARY_MARK))).toBe(false);
  expect(later.some(({ body }) => body.includes(CHART_LIBRARY_MARK))).toBe(true);
});
