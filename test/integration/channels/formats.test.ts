import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { deriveAckLinkKey } from "../../../lib/ack-links/key";
import { ACK_LINK_TTL_MS } from "../../../lib/ack-links/link";
import { signAckToken } from "../../../lib/ack-links/token";
import { createSecretBox } from "../../../lib/crypto/secret-box";
import { createDb, type Db } from "../../../lib/db/client";
import type { WebhookFormat } from "../../../lib/notify/channels/formats";
import { createNotificationDispatcher } from "../../../lib/notify/dispatcher";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { startFakeHttp } from "../notify/fake-servers";
import { APP_URL, capturingLogger, createAlert, notifySettings } from "../notify/fixtures";

const box = createSecretBox("formats test key of some length");
const ackKey = deriveAckLinkKey("formats test key of some length");
const settings = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "false", MONITORING_NOTIFY_MAX_ATTEMPTS: "1" });
const CREATED_AT = "2026-12-01T09:15:00.000Z";
// Ahead of the wall clock, so the queued rows are due.
const SENT_AT = "2030-01-01T00:00:00.000Z";

let database: TestDatabase;
let db: Db;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;

beforeAll(async () => {
  [database, receiver] = await Promise.all([createMigratedDatabase(), startFakeHttp()]);
  db = createDb(database.url);
});

afterEach(async () => {
  await db.notification.deleteMany();
  await db.configuredChannel.deleteMany();
  receiver.requests.length = 0;
});

afterAll(async () => {
  await db.$disconnect();
  await receiver.close();
  await database.drop();
});

/** Raises a CRITICAL CPU alert on web-2, delivers it on one channel of `format`, and answers what the receiver got. */
async function deliveredAs(format: WebhookFormat, path = `/${format}`, reason: "created" | "resolved" = "created") {
  await db.configuredChannel.create({ data: { name: `${format}-channel`, kind: "WEBHOOK", urlEncrypted: box.seal(`${receiver.url}${path}`), urlLabel: `${receiver.url}/…`, format, createdBy: "test" } });
  const alert = await createAlert(db, {
    type: "HIGH_CPU_USAGE",
    subject: "web-2",
    severity: "CRITICAL",
    title: "High CPU usage",
    message: "CPU at 97% on web-2 <for 5 minutes> & rising",
    value: 97,
    threshold: 95,
    createdAt: new Date(CREATED_AT),
  });
  await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, reason, { ...settings, notify: { ...settings.notify, onResolve: true } }));
  const sentAt = new Date(SENT_AT);
  await createNotificationDispatcher(db, { settings, secretBox: () => box, ackLinkKey: () => ackKey, now: () => sentAt, logger: capturingLogger().logger }).deliverDue();
  expect(receiver.requests).toHaveLength(1);
  const [request] = receiver.requests;
  expect(request).toMatchObject({ method: "POST", path, headers: { "content-type": "application/json" } });
  const token = signAckToken(ackKey, { alertId: alert.id, recipient: `webhook:${format}-channel`, expiresAt: new Date(sentAt.getTime() + ACK_LINK_TTL_MS) });
  return { alertUrl: `${APP_URL}/admin/alerts/${alert.id}`, ackUrl: `${APP_URL}/a/${token}`, body: JSON.parse(request.body) };
}

const SUMMARY = "[CRITICAL] High CPU usage: 97% (threshold 95%)";

const FACTS = [
  ["Severity", "CRITICAL"],
  ["Value", "97%"],
  ["Threshold", "95%"],
  ["Subject", "web-2"],
  ["Type", "HIGH_CPU_USAGE"],
  ["Status", "ACTIVE"],
];

describe("webhook formats, each body exactly as its service documents it", () => {
  test("Slack: fallback text and a red attachment of Block Kit blocks with the title linked, value vs threshold and buttons to open and acknowledge", async () => {
    const { body, alertUrl, ackUrl } = await deliveredAs("slack");
    expect(body).toEqual({
      text: SUMMARY,
      attachments: [
        {
          color: "#D92D20",
          blocks: [
            { type: "section", text: { type: "mrkdwn", text: `*<${alertUrl}|${SUMMARY}>*\nCPU at 97% on web-2 &lt;for 5 minutes&gt; &amp; rising` } },
            { type: "section", fields: FACTS.map(([label, value]) => ({ type: "mrkdwn", text: `*${label}*\n${value}` })) },
            { type: "context", elements: [{ type: "mrkdwn", text: `Opened ${CREATED_AT} · Khaacho Monitor` }] },
            {
              type: "actions",
              elements: [
                { type: "button", text: { type: "plain_text", text: "Open alert" }, url: alertUrl },
                { type: "button", text: { type: "plain_text", text: "Acknowledge" }, url: ackUrl, style: "primary" },
              ],
            },
          ],
        },
      ],
    });
  });

  test("Microsoft Teams: a message with one Adaptive Card 1.4, facts, and Open alert and Acknowledge actions", async () => {
    const { body, alertUrl, ackUrl } = await deliveredAs("teams");
    expect(body).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              { type: "TextBlock", text: SUMMARY, weight: "Bolder", size: "Medium", color: "Attention", wrap: true },
              { type: "TextBlock", text: "CPU at 97% on web-2 <for 5 minutes> & rising", wrap: true },
              { type: "FactSet", facts: FACTS.map(([title, value]) => ({ title, value })) },
            ],
            actions: [
              { type: "Action.OpenUrl", title: "Open alert", url: alertUrl },
              { type: "Action.OpenUrl", title: "Acknowledge", url: ackUrl, style: "positive" },
            ],
          },
        },
      ],
    });
  });

  test("Discord: one embed in the severity's colour with inline fields, an acknowledge link and the alert's time", async () => {
    const { body, alertUrl, ackUrl } = await deliveredAs("discord");
    expect(body).toEqual({
      username: "Khaacho Monitor",
      embeds: [
        {
          title: SUMMARY,
          url: alertUrl,
          description: "CPU at 97% on web-2 <for 5 minutes> & rising",
          color: 0xd92d20,
          fields: [...FACTS.map(([name, value]) => ({ name, value, inline: true })), { name: "Acknowledge", value: `[Acknowledge without signing in](${ackUrl})`, inline: false }],
          timestamp: CREATED_AT,
        },
      ],
    });
  });

  test("Telegram: sendMessage to the URL's bot with the chat id from its query, in HTML parse mode, with open and acknowledge links", async () => {
    const { body, alertUrl, ackUrl } = await deliveredAs("telegram", "/bot123:ABC/sendMessage?chat_id=-1001234");
    expect(body).toEqual({
      chat_id: "-1001234",
      text: [`<b>${SUMMARY}</b>`, "CPU at 97% on web-2 &lt;for 5 minutes&gt; &amp; rising", "", ...FACTS.map(([label, value]) => `${label}: ${value}`), "", `<a href="${alertUrl}">Open alert</a> · <a href="${ackUrl}">Acknowledge</a>`].join("\n"),
      parse_mode: "HTML",
      disable_web_page_preview: true,
    });
  });

  test("Alertmanager: the version 4 webhook payload with one firing alert, Go's zero time as its end", async () => {
    const { body, alertUrl } = await deliveredAs("alertmanager");
    const labels = { alertname: "HIGH_CPU_USAGE", severity: "critical", instance: "web-2", source: "khaacho-monitor" };
    const annotations = { summary: SUMMARY, description: "CPU at 97% on web-2 <for 5 minutes> & rising", value: "97%", threshold: "95%" };
    expect(body).toEqual({
      version: "4",
      groupKey: '{}:{alertname="HIGH_CPU_USAGE"}',
      truncatedAlerts: 0,
      status: "firing",
      receiver: "khaacho-monitor",
      groupLabels: { alertname: "HIGH_CPU_USAGE" },
      commonLabels: labels,
      commonAnnotations: annotations,
      externalURL: APP_URL,
      alerts: [{ status: "firing", labels, annotations, startsAt: CREATED_AT, endsAt: "0001-01-01T00:00:00Z", generatorURL: alertUrl, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }],
    });
  });

  test("Alertmanager: a resolution is status resolved, ending when it was sent, with the same fingerprint as the firing one", async () => {
    const firing = (await deliveredAs("alertmanager")).body;
    await db.configuredChannel.deleteMany();
    receiver.requests.length = 0;
    const { body } = await deliveredAs("alertmanager", "/alertmanager", "resolved");
    expect(body).toMatchObject({ status: "resolved", alerts: [{ status: "resolved", endsAt: SENT_AT, fingerprint: firing.alerts[0].fingerprint }] });
    expect(body.commonAnnotations.summary).toBe("[RESOLVED] High CPU usage: 97% (threshold 95%)");
  });

  test("the generic format is the documented body, unchanged", async () => {
    const { body, alertUrl } = await deliveredAs("generic");
    expect(body).toEqual({
      event: "alert.created",
      text: SUMMARY,
      sentAt: SENT_AT,
      alert: expect.objectContaining({ type: "HIGH_CPU_USAGE", subject: "web-2", severity: "CRITICAL", value: 97, threshold: 95, createdAt: CREATED_AT, url: alertUrl }),
    });
  });
});
