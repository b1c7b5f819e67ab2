import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { saveScreenshot, signIn } from "./support/dashboard";
import { ADMIN } from "./support/env";

// A Slack-format channel added in settings, pointed at a local receiver playing Slack's incoming webhook.
test.use({ viewport: { width: 1280, height: 900 } });

const received: { path: string; body: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test("an admin adds a Slack channel, sends a test that arrives in Slack's shape, sees the delivery, then disables it", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Add channel" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a notification channel" });
  await dialog.getByLabel("Name").fill("team-slack");
  await dialog.getByLabel("Kind").selectOption("WEBHOOK");
  await dialog.getByLabel("URL").fill(`${receiverUrl}/services/T000/B000/SECRETPATH`);
  await dialog.getByLabel("Format").selectOption("slack");
  await dialog.getByRole("checkbox", { name: "Critical" }).check();
  await dialog.getByRole("button", { name: "Add channel" }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole("article", { name: "team-slack channel" });
  await expect(card).toContainText(`${receiverUrl}/… · slack`);
  await expect(card).toContainText("Takes CRITICAL, every alert type.");
  await expect(page.getByText("SECRETPATH")).toHaveCount(0);

  await card.getByRole("button", { name: "Send test on team-slack" }).click();
  await expect(card.getByText("Test message sent.")).toBeVisible();
  await expect(card.getByRole("listitem").first()).toContainText("sent");
  await expect(card.getByRole("listitem").first()).toContainText("test");
  expect(received).toHaveLength(1);
  expect(received[0].path).toBe("/services/T000/B000/SECRETPATH");
  expect(JSON.parse(received[0].body)).toEqual({
    text: "[TEST] Khaacho Monitor test notification on the team-slack channel",
    attachments: [{ color: "#2E90FA", blocks: [{ type: "section", text: { type: "mrkdwn", text: "[TEST] Khaacho Monitor test notification on the team-slack channel" } }] }],
  });
  await saveScreenshot(page, testInfo, "notification-channels");

  await card.getByRole("button", { name: "Disable team-slack" }).click();
  await expect(card.getByText("Off", { exact: true })).toBeVisible();
  const fromEnvironment = page.getByRole("article", { name: "SMS (environment) channel" });
  await expect(fromEnvironment).toContainText("From environment");
  await expect(fromEnvironment).toContainText("Off. Set MONITORING_ENABLE_SMS_ALERTS=true to use it.");
});
