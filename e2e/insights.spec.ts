import pg from "pg";
import { expect, test } from "./support/fixtures";
import { saveScreenshot } from "./support/dashboard";
import { E2E_DATABASE_URL } from "./support/env";

// Disk alerts of one host over the last two days, their deliveries, and its disk samples an hour
// ago minute by minute: above the 85 % warning level they rise 5 times, above 92 % twice.
async function seedDiskHistory(): Promise<void> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO system_alerts (type, subject, severity, status, title, message, value, threshold, opening_value, opening_threshold, created_at, last_seen_at,
                                  cleared_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, resolution)
       SELECT 'HIGH_DISK_USAGE', 'e2e-insights', CASE WHEN n = 1 THEN 'CRITICAL' ELSE 'WARNING' END::alert_severity, 'RESOLVED', 'High disk usage on e2e-insights', 'seeded',
              88, 85, 88, 85, at, at, at + interval '2 minutes', CASE WHEN n = 2 THEN at + interval '90 seconds' END, CASE WHEN n = 2 THEN 'e2e-person' END,
              at + interval '10 minutes', CASE WHEN n = 2 THEN 'e2e-person' ELSE 'system' END, 'seeded'
       FROM generate_series(1, 4) AS n, LATERAL (SELECT now() - make_interval(hours => 6 * n) AS at) AS times`,
    );
    await client.query(
      `INSERT INTO notifications (alert_id, channel, channel_name, recipient, reason, status, attempts, last_error, sent_at, created_at)
       SELECT id, 'WEBHOOK', 'e2e-insights-hook', 'https://hooks.example', 'created', 'FAILED', 5, 'HTTP 502 from hook', NULL, created_at
       FROM system_alerts WHERE subject = 'e2e-insights'`,
    );
    await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT 'system', 'disk', v.value, 'percent', 'e2e-insights', date_trunc('minute', now()) - interval '1 hour' + (v.minute - 1) * interval '1 minute'
       FROM unnest(ARRAY[70, 90, 70, 95, 70, 88, 70, 99, 70]::float8[]) WITH ORDINALITY AS v(value, minute)
       UNION ALL SELECT 'system', 'disk', 92, 'percent', 'e2e-insights', date_trunc('minute', now()) - interval '30 minutes'`,
    );
  } finally {
    await client.end();
  }
}

test.use({ viewport: { width: 1280, height: 1000 } });

test("the insights page charts the seeded alerts, and a rule's tune link opens its settings with the proposed level filled in", async ({ adminPage: page }, testInfo) => {
  await seedDiskHistory();
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/admin\/insights$/);
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();

  const volume = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Volume/ }) });
  await expect(volume.getByTestId("chart")).toBeVisible();
  await expect(volume.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts per rule" }).getByRole("row", { name: /High disk usage/ }).getByRole("cell").first()).toHaveText("4");
  await expect(page.getByRole("table", { name: "Delivery per channel" })).toContainText("HTTP 502 from hook");
  await expect(page.getByRole("table", { name: "Acknowledgements and resolutions per person" })).toContainText("e2e-person");

  const noise = page.getByRole("table", { name: "Noise per rule" }).getByRole("row", { name: /High disk usage/ });
  await expect(noise).toContainText("92%");
  await expect(noise).toContainText("(5 → 2 crossings)");
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(noise).toContainText("92%");
  await saveScreenshot(page, testInfo, "insights");

  await noise.getByRole("link", { name: "Tune HIGH_DISK_USAGE to 92" }).click();
  await expect(page).toHaveURL(/\/admin\/settings\?rule=HIGH_DISK_USAGE&proposed=92/);
  const form = page.getByRole("form", { name: "Edit High disk usage" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Warning above (%)")).toHaveValue("92");
  await expect(form).toContainText("Proposed from Insights");
  await expect(form.getByRole("button", { name: "Save" })).toBeEnabled();
});
