import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { repeat, saveScreenshot, seedResolvedAlerts, sendEvents, signIn, signOut } from "./support/dashboard";
import { ADMIN, E2E_ORDER_RATE_THRESHOLD, VIEWER } from "./support/env";
import { expect, test } from "./support/fixtures";

// Each test signs in and seeds what it needs through the fixtures, so any one runs alone. The
// server's order rule is shared: the overview test, which watches traffic raise the first order
// alert, comes first among the tests that send orders.
test.use({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });

const unique = () => randomUUID().slice(0, 8);

const feed = (page: Page) => page.getByRole("list", { name: "Open alerts" });
const orderAlertInFeed = (page: Page) => feed(page).getByRole("link", { name: /High order creation rate/ });

test("signed out, /admin leads to the sign-in page, and the admin gets in", async ({ page }, testInfo) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=%2Fadmin$/);
  await expect(page.getByRole("heading", { name: "Sign in to Khaacho Monitor" })).toBeVisible();
  await saveScreenshot(page, testInfo, "login");

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
});

test("the admin creates an API token in settings: shown once, copied, and accepted by the API", async ({ adminPage: page, request }, testInfo) => {
  const name = `ui-${unique()}`;
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Alert rules" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "High order creation rate" })).toContainText(`warning above ${E2E_ORDER_RATE_THRESHOLD} orders/h (environment)`);

  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption("ADMIN");
  await dialog.getByRole("button", { name: "Create token" }).click();

  const created = page.getByRole("dialog", { name: "Token created" });
  const field = created.getByRole("textbox", { name: `Token “${name}”` });
  const token = await field.inputValue();
  expect(token).toMatch(/^kmon_[\w-]{43}$/);
  await created.getByRole("button", { name: "Copy" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await created.getByRole("button", { name: "Done" }).click();

  const listed = page.getByRole("list", { name: "API tokens" }).getByRole("listitem").filter({ hasText: name });
  await expect(listed).toContainText(token.slice(0, 11));
  await expect(page.getByText(token)).toHaveCount(0);
  expect((await request.get("/api/v1/monitoring/metrics", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  await saveScreenshot(page, testInfo, "settings");
});

test("the overview fills with data, and the alert that traffic raises shows in the feed without a reload", async ({ adminPage: page, adminToken: token, request }, testInfo) => {
  await page.goto("/admin");
  await expect(page.getByTestId("health-status")).toHaveText("healthy");
  await expect(page.getByRole("region", { name: "Health" })).toContainText("connected");
  await expect(page.getByRole("region", { name: "Orders", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Host · this instance" })).toContainText("%");
  await expect(page.getByTestId("chart")).not.toHaveCount(0);
  const filledAfterMs = await page.evaluate(() => Math.round(performance.now()));
  console.log(`[measure] time to a filled overview (navigation start to health, figures, feed and charts shown): ${filledAfterMs} ms`);
  await expect(orderAlertInFeed(page)).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await sendEvents(request, token, [
    ...repeat(E2E_ORDER_RATE_THRESHOLD + 1, { type: "order.created" as const }),
    ...repeat(4, { type: "whatsapp.message" as const, status: "sent" as const }),
    { type: "whatsapp.message", status: "failed" },
    ...repeat(3, { type: "job.completed" as const, queue: "credit-score", durationMs: 120 }),
    { type: "job.failed", queue: "risk-control", durationMs: 950 },
  ]);
  const sentAt = Date.now();
  await expect(orderAlertInFeed(page)).toBeVisible({ timeout: 15_000 });
  console.log(`[measure] order alert in the feed ${Date.now() - sentAt} ms after the events were accepted`);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  const lastHour = page.getByRole("region", { name: "Orders", exact: true }).locator("div", { hasText: "Last hour" }).locator("dd").first();
  await expect(lastHour).toContainText(String(E2E_ORDER_RATE_THRESHOLD + 1), { timeout: 15_000 });
  await expect(page.getByRole("region", { name: "Jobs by queue" })).toContainText("risk-control");
  await saveScreenshot(page, testInfo, "overview");
});

test("the admin acknowledges the alert with notes and resolves it through the dialogs", async ({ adminPage: page, adminToken: token, activeOrderAlert: alertId, request }, testInfo) => {
  await page.goto(`/admin/alerts/${alertId}`);
  const status = page.getByTestId("alert-status");
  await expect(status).toHaveText("Active");

  // Keyboard: the dialog opens on Enter, keeps focus inside, closes on Escape and gives focus back.
  const acknowledgeButton = page.getByRole("button", { name: "Acknowledge" });
  await acknowledgeButton.focus();
  await page.keyboard.press("Enter");
  const acknowledge = page.getByRole("dialog", { name: "Acknowledge this alert" });
  await expect(acknowledge.getByLabel("Notes")).toBeFocused();
  for (let step = 0; step < 5; step++) {
    await page.keyboard.press("Tab");
    expect(await acknowledge.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(acknowledge).toBeHidden();
  await expect(acknowledgeButton).toBeFocused();

  await acknowledgeButton.click();
  await acknowledge.getByLabel("Notes").fill("Checking the order spike with the sales team");
  await acknowledge.getByRole("button", { name: "Acknowledge" }).click();
  await expect(acknowledge).toBeHidden();
  await expect(status).toHaveText("Acknowledged");
  await expect(page.getByTestId("acknowledged-by")).toHaveText(ADMIN.email);
  await expect(page.getByText("“Checking the order spike with the sales team”")).toBeVisible();
  const acknowledged = await (await request.get(`/api/v1/monitoring/alerts/${alertId}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(acknowledged.alert).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: ADMIN.email, acknowledgedNotes: "Checking the order spike with the sales team" });

  // Resolution is required, and a double click sends one request.
  const resolveRequests: string[] = [];
  page.on("request", (sent) => {
    if (sent.method() === "POST" && sent.url().endsWith(`/alerts/${alertId}/resolve`)) resolveRequests.push(sent.url());
  });
  await page.getByRole("button", { name: "Resolve" }).click();
  const resolve = page.getByRole("dialog", { name: "Resolve this alert" });
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(resolve.getByText("Resolution is required.")).toBeVisible();
  expect(resolveRequests).toHaveLength(0);
  await resolve.getByLabel("Resolution").fill("Promotion traffic; raised the order threshold for the campaign");
  await resolve.getByRole("button", { name: "Resolve" }).dblclick();
  await expect(resolve).toBeHidden();
  await expect(status).toHaveText("Resolved");
  await expect(page.getByTestId("resolved-by")).toHaveText(ADMIN.email);
  expect(resolveRequests).toHaveLength(1);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(`Acknowledged by ${ADMIN.email}`);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(`Resolved by ${ADMIN.email}`);
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);

  const resolved = await (await request.get(`/api/v1/monitoring/alerts/${alertId}`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(resolved.alert).toMatchObject({ status: "RESOLVED", resolvedBy: ADMIN.email, resolution: "Promotion traffic; raised the order threshold for the campaign" });
  await saveScreenshot(page, testInfo, "alert-detail");
});

test("alert filters live in the URL and survive a reload", async ({ adminPage: page }, testInfo) => {
  await seedResolvedAlerts({ type: "HIGH_ORDER_CREATION_RATE", title: "High order creation rate", count: 1 });
  await page.goto("/admin/alerts");
  await page.getByLabel("Status").selectOption("RESOLVED");
  await page.getByLabel("Type").selectOption("HIGH_ORDER_CREATION_RATE");
  await expect(page).toHaveURL(/status=RESOLVED/);
  await expect(page).toHaveURL(/type=HIGH_ORDER_CREATION_RATE/);
  const alerts = page.getByRole("list", { name: "Alerts" });
  await expect(alerts.getByRole("listitem")).not.toHaveCount(0);
  await expect(alerts).not.toContainText("Active");

  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("RESOLVED");
  await expect(alerts.getByRole("link", { name: /High order creation rate/ }).first()).toBeVisible();
  await page.getByLabel("Severity").selectOption("CRITICAL");
  await expect(page.getByText("No alerts match these filters")).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel("Severity")).toHaveValue("");
  await expect(alerts.getByRole("listitem")).not.toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/alerts$/);
  await saveScreenshot(page, testInfo, "alerts");
});

test("the alert list pages through older alerts", async ({ adminPage: page }) => {
  await seedResolvedAlerts({ type: "TEST_ALERT", title: "Archived drill", count: 30 });
  await page.goto("/admin/alerts?type=TEST_ALERT&status=RESOLVED");
  const rows = page.getByRole("list", { name: "Alerts" }).getByRole("listitem");
  await expect(rows).toHaveCount(25);
  // Newest first: drills raised by other tests in the last hour may come before the seeded ones.
  await expect(rows.filter({ hasText: "Archived drill" }).first()).toContainText(/Archived drill 1(?!\d)/);
  await page.getByRole("button", { name: "Load older alerts" }).click();
  await expect(rows.filter({ hasText: "Archived drill 30" })).toHaveCount(1);
  expect(await rows.count()).toBeGreaterThan(25);
  await expect(page.getByRole("button", { name: "Load older alerts" })).toHaveCount(0);
});

test("the system page charts CPU, memory and disk per instance over the chosen range", async ({ adminPage: page }, testInfo) => {
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "System" }).click();
  const summary = page.getByRole("table", { name: "Latest sample per instance" });
  await expect(summary.getByRole("row")).toHaveCount(2);
  await expect(summary).toContainText("%");
  for (const metric of ["CPU", "Memory", "Disk"]) await expect(page.getByRole("figure", { name: metric }).getByTestId("chart")).toBeVisible();
  await page.getByRole("button", { name: "24 hours" }).click();
  await expect(page).toHaveURL(/range=24h/);
  await expect(page.getByRole("button", { name: "24 hours" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("figure", { name: "CPU" }).getByTestId("chart")).toBeVisible();
  await saveScreenshot(page, testInfo, "system");
});

test("a VIEWER added by the admin sees no actions, the server refuses them, and signing out locks /admin", async ({ adminPage: page, activeOrderAlert }, testInfo) => {
  const viewer = { email: `viewer-${unique()}@khaacho.test`, password: VIEWER.password };
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Email").fill(viewer.email);
  await dialog.getByLabel("Password").fill(viewer.password);
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "Users" })).toContainText(viewer.email);
  await expect(page.getByLabel(`Role of ${viewer.email}`)).toHaveValue("VIEWER");

  await signOut(page);
  await page.goto("/admin/alerts");
  await expect(page).toHaveURL(/\/admin\/login\?callbackUrl=%2Fadmin%2Falerts$/);

  await signIn(page, viewer);
  const openAlert = feed(page).locator(`a[href$="/alerts/${activeOrderAlert}"]`);
  await expect(openAlert).toBeVisible({ timeout: 15_000 });
  await openAlert.click();
  await expect(page.getByTestId("alert-status")).toHaveText(/Active|Acknowledged/);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  const alertId = page.url().split("/").at(-1)!;
  const refused = await page.request.post(`/api/v1/monitoring/alerts/${alertId}/acknowledge`, { data: { notes: "viewer trying" } });
  expect(refused.status()).toBe(403);
  await saveScreenshot(page, testInfo, "viewer-alert-detail");

  await page.goto("/admin/alerts");
  await expect(page.getByRole("button", { name: "Raise test alert" })).toHaveCount(0);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Notification channels" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send test" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);

  await signOut(page);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("an unreachable API shows the error banner over the last data, and it clears when the API answers again", async ({ adminPage: page }, testInfo) => {
  await page.route("**/api/v1/monitoring/dashboard**", (route) => route.fulfill({ status: 500, json: { error: { code: "internal", message: "Internal server error" } } }));
  await page.route((url) => url.pathname === "/api/v1/monitoring/alerts", (route) => route.abort("connectionrefused"));
  await page.goto("/admin");
  const banner = page.getByRole("alert").filter({ hasText: "The monitoring API is not answering" });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("health-status")).toBeVisible();
  await saveScreenshot(page, testInfo, "api-outage-banner");

  // Try again asks at once; while the API still fails the banner stays.
  const retried = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/v1/monitoring/dashboard");
  await banner.getByRole("button", { name: "Try again" }).click();
  await retried;
  await expect(banner).toBeVisible();
  // The overview refreshes by itself, so the banner goes once the API answers, with no click.
  await page.unrouteAll();
  await expect(banner).toBeHidden({ timeout: 15_000 });
});

test("at 375 px wide every page fits the screen and the dialogs still work", async ({ page }, testInfo) => {
  const [alertId] = await seedResolvedAlerts({ type: "HIGH_ORDER_CREATION_RATE", title: "High order creation rate", count: 1 });
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, ADMIN);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const [path, name] of [["/admin", "overview"], ["/admin/alerts", "alerts"], ["/admin/system", "system"], ["/admin/settings", "settings"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Dashboard" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await overflow(), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await saveScreenshot(page, testInfo, `mobile-${name}`);
  }
  await page.goto(`/admin/alerts/${alertId}`);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await saveScreenshot(page, testInfo, "mobile-dialog");
});

test("the charts fill with the minute the traffic was sent in", async ({ adminPage: page, adminToken, request }, testInfo) => {
  test.setTimeout(120_000);
  await sendEvents(request, adminToken, repeat(2, { type: "order.created" as const }));
  // Business figures reach the charts once their minute is complete (written a few seconds after it ends).
  await expect(page.getByRole("region", { name: "Orders chart" }).getByText(/Orders a minute: latest \d+, highest [1-9]/)).toBeAttached({ timeout: 90_000 });
  for (const chart of ["WhatsApp messages chart", "Jobs chart", "CPU chart", "Memory chart", "Disk chart"]) {
    await expect(page.getByRole("region", { name: chart }).getByTestId("chart")).toBeVisible();
  }
  await saveScreenshot(page, testInfo, "overview-charts");
});
