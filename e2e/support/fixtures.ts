// Each dashboard test asks for what it needs and gets it fresh, so any test runs alone or in any
// order on the shared e2e server.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import { repeat, sendEvents, signIn } from "./dashboard";
import { ADMIN, E2E_ORDER_RATE_THRESHOLD } from "./env";

interface DashboardFixtures {
  /** The test's page, signed in as the admin. */
  adminPage: Page;
  /** A new ADMIN API token, made with the admin's session. */
  adminToken: string;
  /** The id of an ACTIVE HIGH_ORDER_CREATION_RATE alert, raised by order traffic sent for it. */
  activeOrderAlert: string;
}

export const test = base.extend<DashboardFixtures>({
  adminPage: async ({ page }, provide) => {
    await signIn(page, ADMIN);
    await provide(page);
  },
  adminToken: async ({ adminPage }, provide) => {
    const response = await adminPage.request.post("/api/v1/tokens", { data: { name: `fixture-${randomUUID().slice(0, 8)}`, role: "ADMIN" } });
    expect(response.status()).toBe(201);
    await provide(((await response.json()) as { token: string }).token);
  },
  activeOrderAlert: async ({ request, adminToken }, provide) => {
    await sendEvents(request, adminToken, repeat(E2E_ORDER_RATE_THRESHOLD + 1, { type: "order.created" as const }));
    await provide(await waitForActiveOrderAlert(request, adminToken));
  },
});

export { expect };

/** One open order alert at a time: an acknowledged one left by another test is resolved so the rule raises a new, ACTIVE one. */
async function waitForActiveOrderAlert(request: APIRequestContext, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}` };
  const list = async (status: string) =>
    ((await (await request.get(`/api/v1/monitoring/alerts?type=HIGH_ORDER_CREATION_RATE&status=${status}`, { headers })).json()) as { alerts: { id: string }[] }).alerts;
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        for (const { id: stale } of await list("ACKNOWLEDGED")) {
          await request.post(`/api/v1/monitoring/alerts/${stale}/resolve`, { headers, data: { resolution: "Cleared by the e2e fixture" } });
        }
        id = (await list("ACTIVE"))[0]?.id;
        return id;
      },
      { message: "an ACTIVE order alert", timeout: 20_000 },
    )
    .toBeDefined();
  return id!;
}
