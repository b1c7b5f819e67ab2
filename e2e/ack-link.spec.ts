import { expect, test } from "@playwright/test";
import { startFakeSmtp } from "../test/integration/notify/fake-servers";
import { saveScreenshot, signIn } from "./support/dashboard";
import { ADMIN, E2E_BASE_URL, E2E_SMTP_PORT } from "./support/env";

// An alert email arrives at a local SMTP capture; its acknowledge link is opened in a browser with no session and confirmed.
test.use({ viewport: { width: 1280, height: 900 } });

let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;

test.beforeAll(async () => {
  smtp = await startFakeSmtp(E2E_SMTP_PORT);
});

test.afterAll(async () => {
  await smtp.close();
});

test("the acknowledge link of an alert email shows the alert, and acknowledges it as the recipient only once confirmed", async ({ page, browser }, testInfo) => {
  await signIn(page, ADMIN);
  const channel = await page.request.post("/api/v1/monitoring/channels", { data: { name: "ops-email", kind: "EMAIL", addresses: ["ops@example.com"], types: ["TEST_ALERT"] } });
  expect(channel.status()).toBe(201);
  const drill = await page.request.post("/api/v1/monitoring/alerts/test");
  expect(drill.status()).toBe(201);
  const alertId = ((await drill.json()) as { id: string }).id;

  await expect.poll(() => smtp.messages.find((mail) => mail.to.includes("ops@example.com"))?.subject).toBe("[TEST] [WARNING] Test alert");
  const mail = smtp.messages.find((mail) => mail.to.includes("ops@example.com"))!;
  const link = mail.body.match(/Acknowledge: +(\S+)/)?.[1] ?? "";
  expect(link).toMatch(new RegExp(`^${E2E_BASE_URL}/a/[\\w-]{56}$`));

  // A browser that never signed in, like the phone the email is read on.
  const phone = await browser.newContext();
  const linkPage = await phone.newPage();
  await linkPage.goto(link);
  await expect(linkPage.getByRole("heading", { name: "Acknowledge this alert?" })).toBeVisible();
  await expect(linkPage.getByText("Test alert", { exact: true })).toBeVisible();
  const statusNow = async () => ((await (await page.request.get(`/api/v1/monitoring/alerts/${alertId}`)).json()) as { alert: { status: string } }).alert.status;
  expect(await statusNow()).toBe("ACTIVE");

  await linkPage.getByLabel("Note (optional)").fill("On it from my phone");
  await linkPage.getByRole("button", { name: "Acknowledge" }).click();
  await expect(linkPage.getByRole("heading", { name: "Alert acknowledged" })).toBeVisible();
  await expect(linkPage.getByText("Acknowledged by email:o…@example.com")).toBeVisible();
  await saveScreenshot(linkPage, testInfo, "acknowledge-link");
  await linkPage.goto(link);
  await expect(linkPage.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await phone.close();

  expect(await statusNow()).toBe("ACKNOWLEDGED");
  await page.goto(`/admin/alerts/${alertId}`);
  await expect(page.getByTestId("acknowledged-by")).toHaveText("email:o…@example.com");
  await expect(page.getByText("“On it from my phone”")).toBeVisible();

  const resolved = await page.request.post(`/api/v1/monitoring/alerts/${alertId}/resolve`, { data: { resolution: "drill done" } });
  expect(resolved.status()).toBe(200);
  const { id: channelId } = (await channel.json()) as { id: string };
  expect((await page.request.delete(`/api/v1/monitoring/channels/${channelId}`)).status()).toBeLessThan(300);
});
