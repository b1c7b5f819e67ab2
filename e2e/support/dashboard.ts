// Steps the dashboard specs share: signing in and out, sending platform events, and saving
// screenshots as test artifacts.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, type Page, type TestInfo } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";

export const ARTIFACTS_DIR = path.join("e2e", "artifacts");

export async function signIn(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
}

/** A full-page screenshot in e2e/artifacts/, attached to the test's report too. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

type EventInput = { type: "order.created" } | { type: "whatsapp.message"; status: "sent" | "delivered" | "failed" } | { type: "job.completed" | "job.failed"; queue: string; durationMs: number };

/** Sends events as a platform service does (POST /api/v1/monitoring/events) and checks all were accepted. */
export async function sendEvents(request: APIRequestContext, token: string, events: EventInput[]): Promise<void> {
  const timestamp = new Date().toISOString();
  const response = await request.post("/api/v1/monitoring/events", {
    headers: { authorization: `Bearer ${token}` },
    data: { events: events.map((event) => ({ id: randomUUID(), timestamp, ...event })) },
  });
  expect(response.status()).toBe(202);
  expect(await response.json()).toMatchObject({ accepted: events.length });
}

/**
 * Resolved alerts straight into the database, one an hour back from now ("<title> 1" the newest),
 * e.g. drills to page through. Returns their ids, newest first.
 */
export async function seedResolvedAlerts({ type, title, count }: { type: string; title: string; count: number }): Promise<string[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO system_alerts (type, severity, status, title, message, is_test, created_at, last_seen_at, resolved_at, resolved_by, resolution)
       SELECT $1, 'WARNING', 'RESOLVED', $2 || ' ' || n, 'Seeded by the end-to-end suite', $1 = 'TEST_ALERT', at, at, at, 'e2e', 'seeded'
       FROM generate_series(1, $3::int) AS n, LATERAL (SELECT now() - make_interval(hours => n) AS at) AS times
       ORDER BY n RETURNING id`,
      [type, title, count],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

export function repeat<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}
