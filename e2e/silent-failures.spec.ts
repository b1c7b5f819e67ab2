import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { saveScreenshot, signIn } from "./support/dashboard";
import { ADMIN, E2E_DATABASE_URL } from "./support/env";

test.use({ viewport: { width: 1280, height: 900 } });

/** Orders a minute, today and the same minute a week ago, as the snapshot flusher writes them. */
async function seedOrdersWithLastWeek(): Promise<void> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT 'orders', 'orders_created', v, 'count', 'cluster', date_trunc('minute', now()) - make_interval(mins => m) - make_interval(days => d)
       FROM generate_series(2, 20) AS m, (VALUES (0, 3), (7, 9)) AS days(d, v)`,
    );
  } finally {
    await client.end();
  }
}

test("a service's heartbeat shows under Services, and the admin retires it; last week's orders line sits behind today's", async ({ page }, testInfo) => {
  await seedOrdersWithLastWeek();
  await signIn(page, ADMIN);
  const created = await page.request.post("/api/v1/tokens", { data: { name: `heartbeat-${randomUUID().slice(0, 8)}`, role: "INGEST" } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  const sent = await page.request.post("/api/v1/monitoring/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { events: [{ id: randomUUID(), type: "service.heartbeat", service: "e2e-order-service", timestamp: new Date().toISOString() }] },
  });
  expect(await sent.json()).toMatchObject({ accepted: 1 });

  await page.reload();
  const row = page.getByRole("list", { name: "Services" }).getByRole("listitem").filter({ hasText: "e2e-order-service" });
  await expect(row).toContainText("last heartbeat");
  await expect(page.getByText("Same time last week", { exact: true })).toBeVisible();
  // Chart series are shared between polls for up to 20 s and the overview polls every 10 s: a chart
  // an earlier test read just before the seeding may still be served for one more poll.
  await expect(page.getByText(/Same time last week: latest 9, highest 9/)).toBeAttached({ timeout: 35_000 });
  await expect(page.getByRole("columnheader", { name: "Oldest waiting" })).toBeVisible();
  await saveScreenshot(page, testInfo, "services-panel");

  await row.getByRole("button", { name: "Retire service e2e-order-service" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Retire service" }).click();
  await expect(row).toContainText("Retired");
  await expect(row).toContainText(`by ${ADMIN.email}`);
});

test("the admin changes the business hours in Settings; a value that does not read is refused", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  const panel = page.getByRole("region", { name: "Business hours" });
  await expect(panel.getByText("Sun-Fri 08:00-20:00", { exact: true })).toBeVisible();

  const field = panel.getByLabel("Days and hours");
  await field.fill("weekdays nine to five");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("alert")).toContainText("Sun-Fri 08:00-20:00");

  await field.fill("Mon-Fri 09:00-17:00");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByText(`changed by ${ADMIN.email}`)).toBeVisible();
  await expect(panel.getByText("Mon-Fri 09:00-17:00", { exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, "business-hours");

  await panel.getByRole("button", { name: "Reset" }).click();
  await expect(panel.getByText("Sun-Fri 08:00-20:00", { exact: true })).toBeVisible();
});
