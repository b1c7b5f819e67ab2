import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AppEnv, call, useAppEnv as setUpAppEnv } from "../auth/app-env";
import { APP_URL, createAlert, notifySettings } from "../notify/fixtures";
import { startFakeSmtp } from "../notify/fake-servers";

const env: AppEnv = await setUpAppEnv({ APP_URL, MONITORING_TIMEZONE: "Asia/Kathmandu" });
const { getDb } = await import("@/lib/db/client");
const { getAckLinkKey } = await import("@/lib/ack-links/key");
const { signAckToken } = await import("@/lib/ack-links/token");
const { ACK_LINK_LIMIT } = await import("@/lib/ack-links/rate-limit");
const { createNotificationDispatcher } = await import("@/lib/notify/dispatcher");
const { enqueueAlertNotifications } = await import("@/lib/notify/enqueue");
const { createApiToken } = await import("@/lib/auth/tokens");
const link = await import("@/app/a/[token]/route");
const alertRoute = await import("@/app/api/v1/monitoring/alerts/[id]/route");

let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let address = 0;
// Each test comes from an address of its own, so the rate limit of one never reaches another.
const nextAddress = () => `198.51.100.${++address}`;

let viewerToken: string;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  viewerToken = (await createApiToken(getDb(), { name: "viewer", role: "VIEWER" })).token;
});

/** The alert as the API (and so the dashboard) shows it. */
async function shown(id: string) {
  const response = await call(alertRoute.GET, { path: `/api/v1/monitoring/alerts/${id}`, token: viewerToken, params: { id } });
  return (await response.json()) as { alert: { acknowledgedBy: string | null }; timeline: { kind: string; actor: string; details: object }[] };
}

afterAll(async () => {
  await smtp.close();
  await env.cleanUp();
});

const open = (token: string, from = nextAddress()) => call(link.GET, { path: `/a/${token}`, params: { token }, headers: { "x-forwarded-for": from } });
const confirm = (token: string, note = "", from = nextAddress()) =>
  call(link.POST, { method: "POST", path: `/a/${token}`, params: { token }, headers: { "x-forwarded-for": from, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ note }).toString() });

/** An alert whose notice was sent by email to ops@example.com, as the dispatcher sends it; answers the link in the mail. */
async function emailedAlert(overrides = {}) {
  const alert = await createAlert(getDb(), { type: "HIGH_CPU_USAGE", subject: "web-2", title: "High CPU usage on web-2", severity: "CRITICAL", value: 97, threshold: 95, ...overrides });
  const settings = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url, ALERT_EMAIL_TO: "ops@example.com", MONITORING_TIMEZONE: "Asia/Kathmandu" });
  await getDb().$transaction((tx) => enqueueAlertNotifications(tx, alert, "created", settings));
  await createNotificationDispatcher(getDb(), { settings }).deliverDue();
  const mail = smtp.messages.at(-1)!;
  const url = mail.body.match(/Acknowledge: +(\S+)/)?.[1];
  expect(url).toMatch(new RegExp(`^${APP_URL}/a/[A-Za-z0-9_-]{56}$`));
  return { alert, mail, token: url!.split("/a/")[1] };
}

const statusOf = async (id: string) => (await getDb().systemAlert.findUniqueOrThrow({ where: { id } })).status;

describe("an acknowledge link's whole life", () => {
  test("the email carries the subject, local times and both links; opening changes nothing; confirming acknowledges as the recipient; again says used", async () => {
    const { alert, mail, token } = await emailedAlert();
    expect(mail.subject).toBe("[CRITICAL] High CPU usage on web-2: 97% (threshold 95%)");
    expect(mail.body).toContain(`Open the alert: ${APP_URL}/admin/alerts/${alert.id}`);
    expect(mail.body).toMatch(/Opened: +\w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} Asia\/Kathmandu/);

    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    for (const text of ["Acknowledge this alert?", "High CPU usage on web-2", "97% (threshold 95%)", "Asia/Kathmandu", '<form method="post">', "email:o…@example.com"]) expect(html).toContain(text);
    await open(token);
    expect(await statusOf(alert.id)).toBe("ACTIVE");
    expect(await getDb().acknowledgeLinkUse.count({ where: { alertId: alert.id } })).toBe(0);

    const done = await confirm(token, "  looking at web-2  ");
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Acknowledged by email:o…@example.com");
    const stored = await getDb().systemAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(stored).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: "email:ops@example.com", acknowledgedNotes: "looking at web-2" });
    const detail = await shown(alert.id);
    expect(detail.alert.acknowledgedBy).toBe("email:o…@example.com");
    expect(detail.timeline.find((event) => event.kind === "acknowledged")).toMatchObject({ actor: "email:o…@example.com", details: { notes: "looking at web-2", via: "acknowledge link" } });

    for (const again of [await confirm(token), await open(token)]) {
      expect(again.status).toBe(410);
      expect(await again.text()).toContain("This link was already used");
    }
    expect(await getDb().alertEvent.count({ where: { alertId: alert.id, kind: "acknowledged" } })).toBe(1);
  });

  test("an SMS recipient's link records the phone as the actor", async () => {
    const alert = await createAlert(getDb(), { type: "HIGH_DISK_USAGE", title: "High disk usage", value: 96, threshold: 95 });
    await getDb().notification.create({ data: { alertId: alert.id, channel: "SMS", recipient: "+9779800000000", reason: "created", status: "SENT" } });
    const token = signAckToken(getAckLinkKey(), { alertId: alert.id, recipient: "sms:+9779800000000", expiresAt: new Date(Date.now() + 60_000) });
    expect((await confirm(token)).status).toBe(200);
    expect((await shown(alert.id)).alert.acknowledgedBy).toBe("sms:+977…00");
  });

  test("of two confirmations at once, one acknowledges and the other says the link was used", async () => {
    const { alert, token } = await emailedAlert({ type: "HIGH_WHATSAPP_FAILURE_RATE", subject: null, title: "High WhatsApp failure rate" });
    const statuses = (await Promise.all([confirm(token, "first"), confirm(token, "second")])).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 410]);
    expect(await getDb().alertEvent.count({ where: { alertId: alert.id, kind: "acknowledged" } })).toBe(1);
  });
});

describe("links that cannot acknowledge answer a page that says why, never a 500", () => {
  async function sentAlert(type: string) {
    const alert = await createAlert(getDb(), { type, title: type, value: 99, threshold: 90 });
    await getDb().notification.create({ data: { alertId: alert.id, channel: "EMAIL", recipient: "ops@example.com", reason: "created", status: "SENT" } });
    return alert;
  }
  const tokenFor = (alertId: string, expiresAt = new Date(Date.now() + 60_000), recipient = "email:ops@example.com") => signAckToken(getAckLinkKey(), { alertId, recipient, expiresAt });

  test("expired", async () => {
    const alert = await sentAlert("HIGH_MEMORY_USAGE");
    const token = tokenFor(alert.id, new Date(Date.now() - 1000));
    for (const response of [await open(token), await confirm(token)]) {
      expect(response.status).toBe(410);
      expect(await response.text()).toContain("This link has expired");
    }
    expect(await statusOf(alert.id)).toBe("ACTIVE");
  });

  test("tampered, cut short, for another recipient, or for an alert that does not exist", async () => {
    const alert = await sentAlert("HIGH_API_ERROR_RATE");
    const token = tokenFor(alert.id);
    const flipped = `${token.slice(0, 40)}${token[40] === "A" ? "B" : "A"}${token.slice(41)}`;
    const stranger = tokenFor(alert.id, undefined, "email:someone@example.com");
    const missing = tokenFor("6f1c2e4a-0000-4000-8000-00000000dead");
    for (const bad of [flipped, token.slice(0, 30), stranger, missing, "not-a-token", "%00"]) {
      for (const response of [await open(bad), await confirm(bad)]) {
        expect(response.status).toBe(400);
        expect(await response.text()).toContain("This link is not valid");
      }
    }
    expect(await statusOf(alert.id)).toBe("ACTIVE");
  });

  test("for an alert already resolved, or acknowledged by someone else", async () => {
    const alert = await sentAlert("HIGH_DB_LATENCY");
    const token = tokenFor(alert.id);
    await getDb().systemAlert.update({ where: { id: alert.id }, data: { status: "ACKNOWLEDGED", acknowledgedBy: "admin@khaacho.test", acknowledgedAt: new Date() } });
    const acknowledged = await confirm(token);
    expect(acknowledged.status).toBe(409);
    expect(await acknowledged.text()).toContain("Acknowledged by admin@khaacho.test");
    await getDb().systemAlert.update({ where: { id: alert.id }, data: { status: "RESOLVED", resolvedBy: "admin@khaacho.test", resolvedAt: new Date() } });
    for (const response of [await open(token), await confirm(token)]) {
      expect(response.status).toBe(409);
      expect(await response.text()).toContain("This alert is already resolved");
    }
    expect(await getDb().acknowledgeLinkUse.count({ where: { alertId: alert.id } })).toBe(0);
  });

  test("a confirmation that is not the page's form, or whose note is too long", async () => {
    const alert = await sentAlert("HIGH_JOB_FAILURE_RATE");
    const token = tokenFor(alert.id);
    const json = await call(link.POST, { method: "POST", path: `/a/${token}`, params: { token }, headers: { "x-forwarded-for": nextAddress() }, body: {} });
    expect(json.status).toBe(415);
    expect((await confirm(token, "x".repeat(1001))).status).toBe(400);
    expect(await statusOf(alert.id)).toBe("ACTIVE");
  });

  test("one address is limited to its allowance of requests, then told when to retry", async () => {
    const from = nextAddress();
    for (let i = 0; i < ACK_LINK_LIMIT.points; i++) expect((await open("not-a-token", from)).status).toBe(400);
    const limited = await open("not-a-token", from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many requests");
    expect((await open("not-a-token", nextAddress())).status).toBe(400);
  });
});
