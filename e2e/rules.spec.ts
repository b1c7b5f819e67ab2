import { expect, test } from "@playwright/test";
import { repeat, saveScreenshot, sendEvents, signIn } from "./support/dashboard";
import { ADMIN } from "./support/env";

// An operator tunes a rule from the browser: existing traffic that did not alert does once the
// level drops, without a reload; then the rule goes back to the environment's level, and its
// history says who did what.
test.use({ viewport: { width: 1280, height: 900 } });

test("an admin lowers a rule's threshold in Settings, the alert opens from existing traffic, then resets it and reads its history", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  const created = await page.request.post("/api/v1/tokens", { data: { name: "e2e-rules", role: "ADMIN" } });
  expect(created.status()).toBe(201);
  const { token } = await created.json();
  // One failed message in five: 20 %, not above the default warning of 20 %, and under the 10-sample minimum.
  await sendEvents(page.request, token, [...repeat(4, { type: "whatsapp.message" as const, status: "sent" as const }), { type: "whatsapp.message", status: "failed" }]);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const rule = page.getByRole("listitem", { name: "High WhatsApp failure rate" });
  await expect(rule.getByTestId("rule-reading")).toHaveText("now 20%: would not fire");
  await expect(rule).toContainText("warning above 20%");

  await rule.getByRole("button", { name: "Edit" }).click();
  const form = rule.getByRole("form", { name: "Edit High WhatsApp failure rate" });
  await form.getByLabel("Warning above (%)").fill("50");
  await form.getByLabel("Critical above (%)").fill("40");
  await expect(form.getByRole("alert")).toContainText("critical (40) must be at least warning (50)");
  await expect(form.getByRole("button", { name: "Save" })).toBeDisabled();
  await form.getByLabel("Warning above (%)").fill("10");
  await form.getByLabel("Minimum samples").fill("5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  await expect(rule.getByTestId("rule-reading")).toHaveText("now 20%: would fire as WARNING");
  await expect(rule).toContainText(`changed by ${ADMIN.email}`);
  await expect(rule).toContainText("warning above 10% (changed)");
  await saveScreenshot(page, testInfo, "alert-rules");

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("list", { name: "Open alerts" }).getByRole("link", { name: /High WhatsApp failure rate/ })).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await rule.getByRole("button", { name: "Reset" }).click();
  await expect(rule).toContainText("warning above 20% (default)");
  await expect(rule.getByTestId("rule-reading")).toHaveText("now 20%: would not fire");
  await expect(rule.getByRole("button", { name: "Reset" })).toHaveCount(0);

  await rule.getByRole("button", { name: "History" }).click();
  const history = rule.getByRole("list", { name: "Rule history" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText(`Reset to the environment by ${ADMIN.email}`);
  await expect(history.getByRole("listitem").first()).toContainText("warning 10% → 20%");
  await expect(history.getByRole("listitem").nth(1)).toContainText(`Changed by ${ADMIN.email}`);
  await expect(history.getByRole("listitem").nth(1)).toContainText("min samples 10 → 5");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await saveScreenshot(page, testInfo, "alert-rule-history");
});
