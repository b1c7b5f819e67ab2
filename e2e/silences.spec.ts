import { type APIRequestContext, expect, test } from "@playwright/test";
import type { WebhookBody } from "../lib/notify/channels/webhook";
import { startFakeHttp } from "../test/support/fake-servers";
import { repeat, saveScreenshot, sendEvents, signIn } from "./support/dashboard";
import { ADMIN, E2E_ORDER_RATE_THRESHOLD, E2E_WEBHOOK_PORT } from "./support/env";

// Quiet during planned work: a silence made from an alert's page holds back the next alert's
// notification (the local webhook receiver hears nothing), and ending it sends the notification.
test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 900 } });

let receiver: Awaited<ReturnType<typeof startFakeHttp>>;

test.beforeAll(async () => {
  receiver = await startFakeHttp(E2E_WEBHOOK_PORT);
});

test.afterAll(async () => {
  await receiver.close();
});

function deliveriesOf(alertId: string): string[] {
  return receiver.requests.map((request) => JSON.parse(request.body) as WebhookBody).filter((body) => body.alert?.id === alertId).map((body) => body.event);
}

/** The open order-rate alert's id, once there is one other than `previous`. */
async function openOrderAlert(request: APIRequestContext, previous?: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const { alerts } = await (await request.get("/api/v1/monitoring/alerts?status=ACTIVE,ACKNOWLEDGED&type=HIGH_ORDER_CREATION_RATE")).json();
        id = alerts.find((alert: { id: string }) => alert.id !== previous)?.id;
        return id;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return id!;
}

test("an admin silences an alert from its page: the next one shows silenced and is not delivered until the silence ends", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  const created = await page.request.post("/api/v1/tokens", { data: { name: "e2e-silences", role: "INGEST" } });
  const { token } = await created.json();
  await sendEvents(page.request, token, repeat(E2E_ORDER_RATE_THRESHOLD + 1, { type: "order.created" as const }));
  const first = await openOrderAlert(page.request);

  await page.goto(`/admin/alerts/${first}`);
  await page.getByRole("button", { name: "Silence for…" }).click();
  const dialog = page.getByRole("dialog", { name: "Silence this alert" });
  await dialog.getByRole("radio", { name: "4 h" }).check();
  await dialog.getByLabel("Reason").fill("deploy 2.4");
  await dialog.getByRole("button", { name: "Silence", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("alert-silenced")).toHaveText("Silenced: deploy 2.4");
  await expect(page.getByRole("button", { name: "Silence for…" })).toHaveCount(0);

  // The condition still holds: once this alert is resolved, the next evaluation raises another.
  expect((await page.request.post(`/api/v1/monitoring/alerts/${first}/resolve`, { data: { resolution: "deploying" } })).status()).toBe(200);
  const second = await openOrderAlert(page.request, first);
  await page.goto(`/admin/alerts/${second}`);
  await expect(page.getByTestId("alert-silenced")).toHaveText("Silenced: deploy 2.4");
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(/suppressed: silenced by [0-9a-f-]+ \(deploy 2\.4\)/);
  await expect(page.getByText("No notifications sent for this alert")).toBeVisible();
  expect(deliveriesOf(second)).toEqual([]);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
  // The overview renders its first data on the server, which a loaded machine makes slow.
  await expect(page.getByRole("region", { name: "Silenced now" })).toContainText("1 silence in force", { timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Open alerts" }).getByRole("link", { name: /High order creation rate/ })).toContainText("Silenced: deploy 2.4");

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Silences" }).click();
  const row = page.getByTestId("silence-row").filter({ hasText: "deploy 2.4" });
  await expect(row).toContainText("active");
  await expect(row).toContainText("High order creation rate");
  await saveScreenshot(page, testInfo, "silences");
  await row.getByRole("button", { name: "End silence deploy 2.4" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End silence" }).click();
  await expect(page.getByText("Nothing is silenced")).toBeVisible();

  await expect.poll(() => deliveriesOf(second), { timeout: 20_000 }).toEqual(["alert.created"]);
  await page.goto(`/admin/alerts/${second}`);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Hold ended: notifying now");
  await expect(page.getByTestId("alert-silenced")).toHaveText("");
  expect(deliveriesOf(second)).toEqual(["alert.created"]);
});

test("a maintenance window is created from the Silences page with a preview of the open alerts it matches, and cancelled", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  // The order alert of the test above is still open.
  await openOrderAlert(page.request);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Silences" }).click();
  await page.getByRole("button", { name: "New silence" }).click();
  const dialog = page.getByRole("dialog", { name: "New silence" });
  await dialog.getByLabel("Kind").selectOption("window");
  await expect(dialog.getByRole("group", { name: /Days/ }).getByRole("checkbox", { checked: true })).toHaveCount(6);
  await dialog.getByRole("checkbox", { name: "High order creation rate" }).check();
  await expect(dialog.getByTestId("silence-preview")).toContainText("Matches 1 open alert now");
  await expect(dialog.getByTestId("silence-preview")).toContainText("High order creation rate");
  await dialog.getByRole("checkbox", { name: "Critical" }).check();
  await dialog.getByRole("checkbox", { name: "Warning" }).check();
  await dialog.getByLabel("Subjects").fill("web-9");
  await expect(dialog.getByTestId("silence-preview")).toContainText("Matches 0 open alerts now");
  await dialog.getByLabel("Subjects").fill("");
  await dialog.getByLabel("From").fill("23:30");
  await dialog.getByLabel("To").fill("00:30");
  await dialog.getByLabel("Reason").fill("nightly backup");
  await saveScreenshot(page, testInfo, "new-maintenance-window");
  await dialog.getByRole("button", { name: "Create window" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId("silence-row").filter({ hasText: "nightly backup" });
  await expect(row).toContainText("maintenance window");
  await expect(row).toContainText("Sun, Mon, Tue, Wed, Thu, Fri 23:30–00:30 (Asia/Kathmandu)");
  await row.getByRole("button", { name: "End silence nightly backup" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End silence" }).click();
  await expect(row).toHaveCount(0);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole("button", { name: "New silence" }).click();
  const box = (await dialog.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "the Silences page scrolls sideways").toBeLessThanOrEqual(0);
});
