import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as channelRoute from "../../../app/api/v1/monitoring/channels/[id]/route";
import * as channelTestRoute from "../../../app/api/v1/monitoring/channels/[id]/test/route";
import * as channelsRoute from "../../../app/api/v1/monitoring/channels/route";
import { createApiToken } from "../../../lib/auth/tokens";
import { getDb } from "../../../lib/db/client";
import { call } from "../auth/app-env";
import { withAlertDatabase } from "../alerts/support";
import { startFakeHttp } from "../../support/fake-servers";

const SECRET = "whsec-very-private-1234";
const SLACK_PATH = "/services/T000/B000/CREDENTIAL-IN-PATH";

withAlertDatabase({ MONITORING_ENCRYPTION_KEY: "a test encryption key of some length", MONITORING_ALERT_WEBHOOK_SECRET: "env-webhook-secret" });
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;
let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  receiver = await startFakeHttp();
  adminToken = (await createApiToken(getDb(), { name: "deploy-script", role: "ADMIN" })).token;
  viewerToken = (await createApiToken(getDb(), { name: "ops-viewer", role: "VIEWER" })).token;
});

afterAll(() => receiver.close());

beforeEach(async () => {
  await getDb().notification.deleteMany();
  await getDb().configuredChannel.deleteMany();
  await getDb().auditLog.deleteMany();
  receiver.requests.length = 0;
});

const create = (body: object | string, token = adminToken) => call(channelsRoute.POST, { method: "POST", path: "/api/v1/monitoring/channels", token, body });
const list = (token = viewerToken) => call(channelsRoute.GET, { path: "/api/v1/monitoring/channels", token });
const patch = (id: string, body: object, token = adminToken) => call(channelRoute.PATCH, { method: "PATCH", path: `/api/v1/monitoring/channels/${id}`, token, body, params: { id } });
const remove = (id: string, token = adminToken) => call(channelRoute.DELETE, { method: "DELETE", path: `/api/v1/monitoring/channels/${id}`, token, params: { id } });
const sendTest = (id: string, token = adminToken) => call(channelTestRoute.POST, { method: "POST", path: `/api/v1/monitoring/channels/${id}/test`, token, params: { id } });

const webhookBody = () => ({ name: "team-chat", kind: "WEBHOOK", url: `${receiver.url}${SLACK_PATH}`, secret: SECRET, severities: ["CRITICAL"] });

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  const { error } = await response.json();
  return { status: response.status, message: error.message };
}

describe("POST /channels", () => {
  test("an email channel for warnings answers 201 with source settings and its lists", async () => {
    const response = await create({ name: "ops-email", kind: "EMAIL", addresses: ["ops@khaacho.test"], severities: ["WARNING"] });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ source: "settings", name: "ops-email", kind: "EMAIL", enabled: true, severities: ["WARNING"], types: [], addresses: ["ops@khaacho.test"] });
  });

  test("a webhook's URL is answered by its origin only and its secret masked; the row stores neither in clear", async () => {
    const channel = await (await create(webhookBody())).json();
    expect(channel).toMatchObject({ kind: "WEBHOOK", url: `${receiver.url}/…`, secret: "••••••••", format: "generic", severities: ["CRITICAL"] });
    const row = await getDb().configuredChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.stringify(row)).not.toContain("CREDENTIAL-IN-PATH");
  });

  test.each([
    { name: "an unknown kind", body: { name: "x", kind: "PIGEON" }, message: /kind: expected EMAIL, SMS or WEBHOOK/ },
    { name: "no name", body: { kind: "EMAIL", addresses: ["a@b.co"] }, message: /name: required/ },
    { name: "a name with a NUL byte", body: { name: "ops\u0000", kind: "EMAIL", addresses: ["a@b.co"] }, message: /name: must not contain NUL/ },
    { name: "a name over 100 characters", body: { name: "n".repeat(101), kind: "EMAIL", addresses: ["a@b.co"] }, message: /name: must be at most 100/ },
    { name: "an email channel without addresses", body: { name: "x", kind: "EMAIL", addresses: [] }, message: /addresses: name at least one address/ },
    { name: "a bad address", body: { name: "x", kind: "EMAIL", addresses: ["nobody"] }, message: /addresses\.0: expected an email address/ },
    { name: "21 addresses", body: { name: "x", kind: "EMAIL", addresses: Array.from({ length: 21 }, (_, i) => `a${i}@b.co`) }, message: /addresses: at most 20/ },
    { name: "a phone not in E.164", body: { name: "x", kind: "SMS", phones: ["9800000000"] }, message: /phones\.0: expected a phone number in E\.164/ },
    { name: "a webhook without a URL", body: { name: "x", kind: "WEBHOOK" }, message: /url: required/ },
    { name: "a file: URL", body: { name: "x", kind: "WEBHOOK", url: "file:///etc/passwd" }, message: /url: expected an http:\/\/ or https:\/\/ URL/ },
    { name: "an unknown format", body: { name: "x", kind: "WEBHOOK", url: "https://example.com/h", format: "fax" }, message: /format: expected one of/ },
    { name: "a telegram URL without a chat", body: { name: "x", kind: "WEBHOOK", url: "https://api.telegram.org/bot1:A/sendMessage", format: "telegram" }, message: /url: a telegram channel's URL is/ },
    { name: "a short secret", body: { name: "x", kind: "WEBHOOK", url: "https://example.com/h", secret: "abc" }, message: /secret: must be at least 8/ },
    { name: "an unknown severity", body: { name: "x", kind: "EMAIL", addresses: ["a@b.co"], severities: ["INFO"] }, message: /severities\.0: expected WARNING or CRITICAL/ },
    { name: "an unknown type", body: { name: "x", kind: "EMAIL", addresses: ["a@b.co"], types: ["HIGH_COFFEE_USAGE"] }, message: /types\.0: unknown alert type/ },
    { name: "another kind's field", body: { name: "x", kind: "EMAIL", addresses: ["a@b.co"], phones: ["+9779800000001"] }, message: /Unrecognized key/ },
  ])("$name is a 400 naming the field", async ({ body, message }) => {
    const { status, message: text } = await errorOf(await create(body));
    expect(status).toBe(400);
    expect(text).toMatch(message);
  });

  test("at most 50 channels: the 51st is a 409 saying so", async () => {
    await getDb().configuredChannel.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ name: `c${i}`, kind: "EMAIL" as const, addresses: ["a@b.co"], createdBy: "test" })) });
    expect(await errorOf(await create({ name: "one-more", kind: "EMAIL", addresses: ["a@b.co"] }))).toMatchObject({ status: 409, message: "At most 50 channels: delete one first" });
  });

  test("a taken name is a 409; a VIEWER may not create", async () => {
    await create({ name: "ops-email", kind: "EMAIL", addresses: ["ops@khaacho.test"] });
    expect((await create({ name: "ops-email", kind: "SMS", phones: ["+9779800000001"] })).status).toBe(409);
    expect((await create({ name: "other", kind: "EMAIL", addresses: ["a@b.co"] }, viewerToken)).status).toBe(403);
  });
});

describe("GET /channels", () => {
  test("lists the environment's three channels read-only first, then the rows, with their latest deliveries", async () => {
    await create({ name: "oncall-sms", kind: "SMS", phones: ["+9779800000001"], severities: ["CRITICAL"] });
    const { channels } = await (await list()).json();
    expect(channels.map((channel: { id: string; source: string }) => [channel.id, channel.source])).toEqual([
      ["environment-email", "environment"],
      ["environment-sms", "environment"],
      ["environment-webhook", "environment"],
      [expect.any(String), "settings"],
    ]);
    expect(channels[2]).toMatchObject({ kind: "WEBHOOK", enabled: true, enableVariable: "MONITORING_ENABLE_WEBHOOK_ALERTS", url: "http://127.0.0.1:1/…", secret: "••••••••", recentDeliveries: [] });
    expect(JSON.stringify(channels)).not.toContain("env-webhook-secret");
  });

  test("an environment channel cannot be changed or deleted through the API", async () => {
    expect(await errorOf(await patch("environment-webhook", { enabled: false }))).toMatchObject({ status: 409, message: /from the environment is read-only/ });
    expect((await remove("environment-email")).status).toBe(409);
    expect(await errorOf(await remove("not-a-channel"))).toMatchObject({ status: 400, message: /id: expected a channel id/ });
  });
});

describe("PATCH and DELETE /channels/:id", () => {
  test("disables a channel, replaces its URL, removes its secret; each change is audited without secrets", async () => {
    const { id } = await (await create(webhookBody())).json();
    const changed = await (await patch(id, { enabled: false, url: "https://hooks.example.com/new/TOKEN-IN-PATH", secret: null })).json();
    expect(changed).toMatchObject({ enabled: false, url: "https://hooks.example.com/…", secret: null });
    const audit = await getDb().auditLog.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["channel.create", "channel.update"]);
    expect(audit[1]).toMatchObject({ actor: "deploy-script", target: `channel:${id} team-chat`, before: { enabled: true }, after: { enabled: false } });
    const stored = JSON.stringify(audit);
    for (const secret of [SECRET, "CREDENTIAL-IN-PATH", "TOKEN-IN-PATH"]) expect(stored).not.toContain(secret);
  });

  test("a field of another kind is a 400 naming it; an unknown id a 404", async () => {
    const { id } = await (await create({ name: "ops-email", kind: "EMAIL", addresses: ["ops@khaacho.test"] })).json();
    expect(await errorOf(await patch(id, { phones: ["+9779800000001"] }))).toMatchObject({ status: 400, message: /^phones: an EMAIL channel has no phones/ });
    expect((await patch("00000000-0000-4000-8000-000000000000", { enabled: false })).status).toBe(404);
  });

  test("deleting a channel fails its waiting deliveries and keeps its sent ones under its name", async () => {
    const { id } = await (await create({ name: "ops-email", kind: "EMAIL", addresses: ["ops@khaacho.test"] })).json();
    await getDb().notification.createMany({
      data: [
        { channel: "EMAIL", recipient: "ops@khaacho.test", reason: "created", channelId: id, channelName: "ops-email", status: "SENT" },
        { channel: "EMAIL", recipient: "ops@khaacho.test", reason: "created", channelId: id, channelName: "ops-email" },
      ],
    });
    expect((await remove(id)).status).toBe(200);
    const rows = await getDb().notification.findMany({ orderBy: { status: "asc" } });
    expect(rows.map((row) => [row.status, row.channelId, row.channelName, row.lastError])).toEqual([
      ["SENT", null, "ops-email", null],
      ["FAILED", null, "ops-email", "The channel ops-email was deleted"],
    ]);
    expect((await getDb().auditLog.findFirstOrThrow({ where: { action: "channel.delete" } })).before).toMatchObject({ name: "ops-email" });
  });
});

describe("POST /channels/:id/test", () => {
  test("posts a signed test to the row's full URL and records the delivery under its name", async () => {
    const { id } = await (await create(webhookBody())).json();
    const response = await sendTest(id);
    expect(await response.json()).toMatchObject({ status: "SENT" });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ path: SLACK_PATH, headers: { "x-khaacho-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/) } });
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ event: "notification.test", text: "[TEST] Khaacho Monitor test notification on the team-chat channel" });

    const { channels } = await (await list()).json();
    const row = channels.find((channel: { id: string }) => channel.id === id);
    expect(row.recentDeliveries).toMatchObject([{ channelName: "team-chat", recipient: `${receiver.url}/…`, status: "SENT", reason: "test" }]);
    expect(channels[0].recentDeliveries).toEqual([]);
  });

  test("a receiver's refusal answers FAILED with its status; a VIEWER may not send tests", async () => {
    const { id } = await (await create(webhookBody())).json();
    receiver.state.status = 500;
    try {
      expect(await (await sendTest(id)).json()).toMatchObject({ status: "FAILED", error: expect.stringMatching(/answered HTTP 500/) });
    } finally {
      receiver.state.status = 200;
    }
    expect((await sendTest(id, viewerToken)).status).toBe(403);
  });
});
