import { expect, test } from "@playwright/test";
import { saveScreenshot, signIn } from "./support/dashboard";
import { ADMIN } from "./support/env";

test.use({ viewport: { width: 1280, height: 900 } });

test("a token made in Settings shows on the Audit log page with who made it, and the filters narrow the list", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API token" });
  await dialog.getByLabel("Name").fill("audit-trail");
  await dialog.getByLabel("Role").selectOption("VIEWER");
  await dialog.getByRole("button", { name: "Create token" }).click();
  const created = page.getByRole("dialog", { name: "Token created" });
  const token = await created.getByRole("textbox", { name: "Token “audit-trail”" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const entry = page.getByRole("list", { name: "Audit log" }).getByRole("listitem").filter({ hasText: "audit-trail" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("Token created");
  await expect(entry).toContainText(`audit-trail (${token.slice(0, 11)}…)`);
  await expect(entry).toContainText(`by ${ADMIN.email}`);
  await expect(entry.getByRole("row", { name: /^role/ })).toContainText("VIEWER");
  await expect(entry.locator("time")).toHaveAttribute("title", /\d/);
  await expect(page.getByText(token)).toHaveCount(0);

  // The first admin's own creation (ADMIN_EMAIL) is in the log too; the action filter leaves only token changes.
  const entries = page.getByRole("list", { name: "Audit log" }).getByRole("listitem");
  await expect(entries.filter({ hasText: "User added" })).not.toHaveCount(0);
  await page.getByLabel("Action", { exact: true }).selectOption("token");
  await expect(page).toHaveURL(/action=token/);
  await expect(entries.filter({ hasText: "User added" })).toHaveCount(0);
  await expect(entry).toHaveCount(1);

  await page.getByLabel("Actor", { exact: true }).fill("nobody@example.com");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No entries match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(entry).toHaveCount(1);
  await saveScreenshot(page, testInfo, "audit-log");
});
