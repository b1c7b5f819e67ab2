import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as silenceRoute from "../../../app/api/v1/monitoring/silences/[id]/route";
import * as silencesRoute from "../../../app/api/v1/monitoring/silences/route";
import * as alertsRoute from "../../../app/api/v1/monitoring/alerts/route";
import { createApiToken } from "../../../lib/auth/tokens";
import { getDb } from "../../../lib/db/client";
import { call } from "../auth/app-env";
import { deleteAllAlerts, withAlertDatabase } from "../alerts/support";

withAlertDatabase();

let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  adminToken = (await createApiToken(getDb(), { name: "deploy-script", role: "ADMIN" })).token;
  viewerToken = (await createApiToken(getDb(), { name: "ops-viewer", role: "VIEWER" })).token;
});

beforeEach(async () => {
  await deleteAllAlerts();
  await getDb().silence.deleteMany();
  await getDb().auditLog.deleteMany();
});

const create = (body: object | string, token = adminToken) => call(silencesRoute.POST, { method: "POST", path: "/api/v1/monitoring/silences", token, body });
const list = (query = "", token = viewerToken) => call(silencesRoute.GET, { path: `/api/v1/monitoring/silences${query}`, token });
const end = (id: string, token = adminToken) => call(silenceRoute.DELETE, { method: "DELETE", path: `/api/v1/monitoring/silences/${id}`, token, params: { id } });

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  const { error } = await response.json();
  return { status: response.status, message: error.message };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe("POST /silences", () => {
  test("a silence for 30 minutes answers 201 with its matchers, times, reason, creator and state", async () => {
    const response = await create({ types: ["HIGH_CPU_USAGE"], severities: [], subjects: [], duration: "30m", reason: "deploy 2.4" });
    expect(response.status).toBe(201);
    const silence = await response.json();
    expect(silence).toMatchObject({ kind: "silence", state: "active", types: ["HIGH_CPU_USAGE"], severities: [], subjects: [], reason: "deploy 2.4", createdBy: "deploy-script", recurrence: null, endedAt: null });
    expect(new Date(silence.endsAt).getTime() - new Date(silence.startsAt).getTime()).toBe(30 * 60_000);
  });

  test("startsAt and endsAt instead of a duration: an upcoming silence", async () => {
    const [startsAt, endsAt] = [inMinutes(60), inMinutes(120)];
    const silence = await (await create({ severities: ["WARNING"], subjects: ["web-2"], startsAt, endsAt, reason: "planned reboot" })).json();
    expect(silence).toMatchObject({ state: "upcoming", types: [], severities: ["WARNING"], subjects: ["web-2"], startsAt, endsAt, nextOccurrence: { startsAt, endsAt } });
  });

  test("a maintenance window recurs on weekdays between local times and is listed with its next occurrence", async () => {
    const response = await create({ types: ["HIGH_CPU_USAGE", "HIGH_DB_LATENCY"], recurrence: { days: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], from: "02:00", to: "02:30" }, reason: "nightly backup" });
    expect(response.status).toBe(201);
    const window = await response.json();
    expect(window).toMatchObject({ kind: "window", endsAt: null, recurrence: { days: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], from: "02:00", to: "02:30", timeZone: "Asia/Kathmandu" } });
    const next = window.nextOccurrence;
    expect(new Date(next.endsAt).getTime() - new Date(next.startsAt).getTime()).toBe(30 * 60_000);
    // 02:00 in Kathmandu is 20:15 UTC.
    expect(next.startsAt).toMatch(/T20:15:00\.000Z$/);
  });

  test.each([
    { name: "end before start", body: { startsAt: inMinutes(60), endsAt: inMinutes(30), reason: "r" }, message: /endsAt: must be after startsAt/ },
    { name: "an end in the past", body: { startsAt: inMinutes(-60), endsAt: inMinutes(-30), reason: "r" }, message: /endsAt: is in the past/ },
    { name: "an unknown type", body: { types: ["HIGH_COFFEE_USAGE"], duration: "30m", reason: "r" }, message: /types\.0: unknown alert type/ },
    { name: "an unknown severity", body: { severities: ["INFO"], duration: "30m", reason: "r" }, message: /severities\.0/ },
    { name: "duration 0", body: { duration: "0m", reason: "r" }, message: /duration: must be longer than 0/ },
    { name: "a duration over 30 days", body: { duration: "31d", reason: "r" }, message: /duration: a silence lasts at most 30 days/ },
    { name: "start and end over 30 days apart", body: { startsAt: inMinutes(0), endsAt: inMinutes(31 * 24 * 60), reason: "r" }, message: /endsAt: a silence lasts at most 30 days/ },
    { name: "a duration that is not one", body: { duration: "soon", reason: "r" }, message: /duration: expected a duration/ },
    { name: "neither duration nor end", body: { reason: "r" }, message: /duration: give either duration or endsAt/ },
    { name: "both duration and end", body: { duration: "1h", endsAt: inMinutes(30), reason: "r" }, message: /duration: give either/ },
    { name: "an empty subject", body: { subjects: [""], duration: "1h", reason: "r" }, message: /subjects\.0: must not be empty/ },
    { name: "a subject with a NUL byte", body: { subjects: ["web\u00002"], duration: "1h", reason: "r" }, message: /subjects\.0: must not contain NUL/ },
    { name: "a reason with a NUL byte", body: { duration: "1h", reason: "deploy\u0000" }, message: /reason: must not contain NUL/ },
    { name: "no reason", body: { duration: "1h" }, message: /reason: required/ },
    { name: "an unknown field", body: { duration: "1h", reason: "r", matchers: [] }, message: /Unrecognized key/ },
    { name: "a window ending at its start", body: { recurrence: { days: ["MON"], from: "02:00", to: "02:00" }, reason: "r" }, message: /recurrence\.to: from and to must differ/ },
    { name: "a window on no day", body: { recurrence: { days: [], from: "02:00", to: "03:00" }, reason: "r" }, message: /recurrence\.days: name at least one day/ },
    { name: "a window at 24:00", body: { recurrence: { days: ["MON"], from: "23:00", to: "24:00" }, reason: "r" }, message: /recurrence\.to: expected a local time/ },
    { name: "a window with a duration", body: { recurrence: { days: ["MON"], from: "02:00", to: "03:00" }, duration: "1h", reason: "r" }, message: /duration: a maintenance window/ },
    { name: "a start more than a year ahead", body: { startsAt: "2999-01-01T00:00:00Z", duration: "1h", reason: "r" }, message: /startsAt: must be within a year/ },
    { name: "a start PostgreSQL cannot store", body: { startsAt: "+275760-09-13T00:00:00Z", duration: "1h", reason: "r" }, message: /startsAt/ },
  ])("$name is a 400 naming the field, and nothing is stored", async ({ body, message }) => {
    const response = await create(body);
    const error = await errorOf(response);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(await getDb().silence.count()).toBe(0);
    expect(await getDb().auditLog.count()).toBe(0);
  });

  test("a VIEWER may read silences but not create or end them", async () => {
    expect((await create({ duration: "1h", reason: "r" }, viewerToken)).status).toBe(403);
    const { id } = await (await create({ duration: "1h", reason: "r" })).json();
    expect((await end(id, viewerToken)).status).toBe(403);
    expect((await list("", viewerToken)).status).toBe(200);
    expect(await getDb().auditLog.count()).toBe(1);
  });
});

describe("GET /silences and DELETE /silences/:id", () => {
  test("lists active, upcoming and expired silences, and filters by state", async () => {
    const active = await (await create({ duration: "1h", reason: "now" })).json();
    const upcoming = await (await create({ startsAt: inMinutes(60), duration: "1h", reason: "later" })).json();
    const ended = await (await create({ duration: "1h", reason: "ended" })).json();
    expect((await end(ended.id)).status).toBe(200);
    const { silences } = await (await list()).json();
    expect(Object.fromEntries(silences.map((silence: { id: string; state: string }) => [silence.id, silence.state]))).toEqual({ [active.id]: "active", [upcoming.id]: "upcoming", [ended.id]: "expired" });
    const live = await (await list("?state=active,upcoming")).json();
    expect(live.silences.map((silence: { id: string }) => silence.id).sort()).toEqual([active.id, upcoming.id].sort());
    expect((await list("?state=sleeping")).status).toBe(400);
  });

  test("ending early answers the expired silence with who ended it; again is a 409; an unknown id a 404", async () => {
    const { id } = await (await create({ duration: "1h", reason: "deploy" })).json();
    const response = await end(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, state: "expired", endedBy: "deploy-script", endedAt: expect.any(String) });
    expect((await end(id)).status).toBe(409);
    expect((await end("00000000-0000-4000-8000-0000000000ff")).status).toBe(404);
    expect((await end("not-a-uuid")).status).toBe(400);
  });

  test("every create and end is in the audit log, with the actor and before/after", async () => {
    const { id } = await (await create({ types: ["HIGH_CPU_USAGE"], duration: "30m", reason: "deploy 2.4" })).json();
    await end(id);
    const rows = await getDb().auditLog.findMany({ orderBy: { at: "asc" } });
    expect(rows.map(({ actor, action, target }) => ({ actor, action, target }))).toEqual([
      { actor: "deploy-script", action: "silence.create", target: `silence:${id} deploy 2.4` },
      { actor: "deploy-script", action: "silence.end", target: `silence:${id} deploy 2.4` },
    ]);
    expect(rows[0]).toMatchObject({ before: null, after: { types: ["HIGH_CPU_USAGE"], reason: "deploy 2.4", endedAt: null } });
    expect(rows[1]).toMatchObject({ before: { endedAt: null }, after: { endedAt: expect.any(String) } });
  });
});

describe("alerts in the API", () => {
  test("carry silencedBy and the silence's reason while a silence matches them, and null otherwise", async () => {
    const cpu = await getDb().systemAlert.create({ data: { type: "HIGH_CPU_USAGE", subject: "web-2", severity: "WARNING", title: "High CPU usage on web-2", message: "m" } });
    const disk = await getDb().systemAlert.create({ data: { type: "HIGH_DISK_USAGE", subject: "web-2", severity: "WARNING", title: "High disk usage on web-2", message: "m" } });
    const { id } = await (await create({ types: ["HIGH_CPU_USAGE"], subjects: ["web-2"], duration: "1h", reason: "deploy 2.4" })).json();
    const byId = async () => Object.fromEntries(((await (await call(alertsRoute.GET, { path: "/api/v1/monitoring/alerts", token: viewerToken })).json()).alerts as Array<{ id: string; silencedBy: string | null; silenceReason: string | null }>).map((alert) => [alert.id, alert]));
    expect((await byId())[cpu.id]).toMatchObject({ silencedBy: id, silenceReason: "deploy 2.4", inhibitedBy: null });
    expect((await byId())[disk.id]).toMatchObject({ silencedBy: null, silenceReason: null });
    await end(id);
    expect((await byId())[cpu.id]).toMatchObject({ silencedBy: null });
  });
});
