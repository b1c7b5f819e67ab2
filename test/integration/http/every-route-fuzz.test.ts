import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RouteContract } from "@/lib/http/route";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";

// Every route handler under app/api, fed arbitrary input around the fields the routes read: NUL
// bytes, unpaired surrogates, dates PostgreSQL cannot store, oversized and mistyped values. No
// input may produce a 5xx, and input that is refused (4xx) must write nothing.

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.resolve("app/api");
// next-auth's route needs the Next.js request context; the e2e suite drives it over HTTP.
const NEEDS_NEXT_RUNTIME = new Set(["/api/auth/[...nextauth]"]);
const RUNS_PER_ROUTE = 60;

type Handler = Parameters<typeof call>[0] & { contract?: RouteContract };

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

const templateOf = (file: string) => `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "fuzz-test-secret-0123456789" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { raiseTestAlert } = await import("@/lib/alerts/lifecycle");
const db = getDb();

const routes = (
  await Promise.all(
    routeFiles(API_DIR)
      .filter((file) => !NEEDS_NEXT_RUNTIME.has(templateOf(file)))
      .map(async (file) => {
        const exported = (await import(file)) as Record<string, unknown>;
        return HTTP_METHODS.filter((method) => typeof exported[method] === "function").map((method) => ({ method, template: templateOf(file), handler: exported[method] as Handler }));
      }),
  )
).flat();

// Counts every row written to any table, except a token's last-used stamp (authentication's own bookkeeping).
async function installWriteCounter() {
  await db.$executeRawUnsafe(`CREATE TABLE fuzz_writes (n bigserial PRIMARY KEY, tbl text NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE FUNCTION fuzz_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz_writes (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
  // A partitioned table passes its trigger on to its partitions, which therefore get none of their own.
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'fuzz_writes'`;
  for (const { name } of tables) {
    const events = name === "api_tokens" ? "INSERT OR DELETE OR UPDATE OF revoked_at, name, role, token_hash" : "INSERT OR UPDATE OR DELETE";
    await db.$executeRawUnsafe(`CREATE TRIGGER fuzz_note AFTER ${events} ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_note()`);
  }
}
const writes = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM fuzz_writes`)[0].n);

let token: string;
beforeAll(async () => {
  await installWriteCounter();
  // An account exists, so the public setup route has nothing to create.
  await db.user.create({ data: { email: "owner@example.com", role: "ADMIN", passwordHash: "$2b$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva" } });
  await db.user.create({ data: { email: "viewer@example.com", role: "VIEWER", passwordHash: "$2b$04$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva" } });
  token = (await createApiToken(db, { name: "fuzz", role: "ADMIN" })).token;
  await raiseTestAlert(getDb(), { kind: "token", id: UUID, name: "fuzz", role: "ADMIN" });
});

const UUID = "00000000-0000-4000-8000-000000000000";
const NOW = new Date().toISOString();
const cursorAt = (time: string) => Buffer.from(JSON.stringify([time, UUID])).toString("base64url");

// Values each field accepts, so that one hostile field at a time gets past the others to the database.
const PLAUSIBLE: Record<string, unknown[]> = {
  status: ["ACTIVE", "ACKNOWLEDGED,RESOLVED", "PENDING", "sent", "failed"],
  type: ["TEST", "HIGH_CPU_USAGE", "order.created", "job.failed", "whatsapp.message"],
  severity: ["CRITICAL", "WARNING"],
  from: ["2026-11-01", "2026-11-28T10:00:00Z"],
  to: ["2026-12-31", "2026-11-29T10:00:00+05:45"],
  cursor: [cursorAt("2026-11-28T10:00:00.000Z"), cursorAt("-100000-01-01T00:00:00.000Z"), cursorAt("0000-01-01T00:00:00.000Z")],
  limit: ["10", "200"],
  range: ["1h", "24h", "7d"],
  instance: ["host-a"],
  metric: ["cpu", "memory"],
  channel: ["EMAIL", "webhook"],
  acknowledgedBy: ["ops"],
  notes: ["looking"],
  resolvedBy: ["ops"],
  resolution: ["restarted"],
  name: ["ci-deploy", "Ops Person"],
  role: ["VIEWER", "ADMIN", "INGEST"],
  expiresInDays: [30],
  email: ["new@example.com", "owner@example.com"],
  password: ["long enough password"],
  currentPassword: ["long enough password"],
  newPassword: ["another long password"],
  id: ["evt-1", "evt-2"],
  timestamp: [NOW, "0000-12-31T23:00:00Z"],
  queue: ["credit-score"],
  durationMs: [12],
  error: ["boom"],
};
const hostile = fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uDBFF\uDBFF", "0000-01-01", "-100000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "10000-01-01", "2026-02-30", "", " ", "x".repeat(5000), "%00", "1e309", "-1");
const scalar = fc.oneof(hostile, fc.string({ unit: "binary", maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const anything = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }));

function fieldValue(field: string) {
  const plausible = fc.constantFrom(...(PLAUSIBLE[field] ?? [""]));
  const spoiled = fc.tuple(plausible, fc.constantFrom("\u0000", "\uD800", "\uDC00")).map(([value, bad]) => `${String(value)}${bad}`);
  return fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: spoiled, weight: 2 }, { arbitrary: hostile, weight: 2 }, { arbitrary: anything, weight: 1 });
}

const fieldsOf = (schema: unknown) => Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});
const objectOf = (fields: string[]) => fc.record(Object.fromEntries(fields.map((field) => [field, fieldValue(field)])), { requiredKeys: [] });
const EVENT_FIELDS = ["id", "type", "timestamp", "queue", "durationMs", "error", "status"];
const events = fc.array(objectOf(EVENT_FIELDS), { maxLength: 3 });

function inputFor(inputs: Pick<RouteContract, "body" | "query" | "params">) {
  const bodyFields = fieldsOf(inputs.body);
  const body = bodyFields.includes("events") ? fc.record({ events }) : objectOf(bodyFields);
  return fc.record({
    query: objectOf(fieldsOf(inputs.query)).map((query) => Object.fromEntries(Object.entries(query).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]))),
    body: fc.oneof({ arbitrary: body, weight: 5 }, { arbitrary: anything, weight: 1 }),
    // "alert" and "user" stand for a record that exists, so writes are reached too.
    id: fc.oneof(fc.constantFrom(UUID, "alert", "user"), hostile, fc.string({ unit: "binary", maxLength: 40 })),
  });
}

async function existingId(id: string): Promise<string> {
  if (id === "alert") return (await db.systemAlert.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } }))?.id ?? UUID;
  if (id === "user") return (await db.user.findFirst({ where: { email: { not: "owner@example.com" } }, select: { id: true } }))?.id ?? UUID;
  // Next.js decodes path segments as UTF-8: an unpaired surrogate arrives as U+FFFD.
  return Buffer.from(id, "utf8").toString("utf8");
}

test("every route is fuzzed", () => {
  expect(routes.map(({ method, template }) => `${method} ${template}`)).toEqual(
    expect.arrayContaining(["GET /api/v1/monitoring/alerts", "POST /api/v1/monitoring/events", "POST /api/v1/monitoring/alerts/[id]/acknowledge", "POST /api/auth/setup", "POST /api/v1/account/password"]),
  );
});

test.each(routes.map((route) => [`${route.method} ${route.template}`, route] as const))("%s: no input gives a 5xx, and refused input writes nothing", async (_name, route) => {
  await fc.assert(
    fc.asyncProperty(inputFor(route.handler.contract ?? {}), async ({ query, body, id: given }) => {
      const id = await existingId(given);
      const before = await writes();
      const search = new URLSearchParams(query).toString();
      const response = await call(route.handler, {
        method: route.method,
        path: `${route.template.replace("[id]", encodeURIComponent(id))}${search ? `?${search}` : ""}`,
        token,
        params: route.template.includes("[id]") ? { id } : {},
        body: route.method === "GET" || route.method === "DELETE" ? undefined : JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(500);
      if (response.status >= 400) expect(await writes()).toBe(before);
    }),
    { numRuns: RUNS_PER_ROUTE },
  );
});

const routeNamed = (name: string) => routes.find((route) => `${route.method} ${route.template}` === name)!.handler;

test.each([
  ["GET /api/v1/monitoring/alerts", "/api/v1/monitoring/alerts?from=0000-01-01", "from"],
  ["GET /api/v1/monitoring/alerts", `/api/v1/monitoring/alerts?cursor=${cursorAt("-100000-01-01T00:00:00.000Z")}`, "cursor"],
  ["GET /api/v1/monitoring/system-metrics", "/api/v1/monitoring/system-metrics?instance=%00", "instance"],
])("%s refuses %s with a 400 naming %s", async (name, url, field) => {
  const response = await call(routeNamed(name), { path: url, token });
  expect(response.status).toBe(400);
  expect((await response.json()).error.message).toContain(field);
});

test("a NUL byte in acknowledge notes is a 400 that leaves the alert as it was", async () => {
  const alert = await db.systemAlert.create({ data: { type: "HIGH_CPU_USAGE", severity: "WARNING", title: "drill", message: "drill" } });
  const response = await call(routeNamed("POST /api/v1/monitoring/alerts/[id]/acknowledge"), { method: "POST", token, params: { id: alert.id }, body: { notes: "on it\u0000" } });
  expect(response.status).toBe(400);
  expect((await db.systemAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("ACTIVE");
});

test("an event with a NUL byte or an unpaired surrogate in its id is rejected alone; the rest of the batch counts", async () => {
  const valid = { id: "evt-valid-1", type: "order.created", timestamp: new Date().toISOString() };
  const batch = [valid, { ...valid, id: "evt\u0000" }, { ...valid, id: "evt\uD800" }, { ...valid, id: "evt\uDC00" }];
  const response = await call(routeNamed("POST /api/v1/monitoring/events"), { method: "POST", token, body: JSON.stringify({ events: batch }) });
  expect(response.status).toBe(202);
  expect(await response.json()).toMatchObject({ accepted: 1, rejected: 3 });
});
