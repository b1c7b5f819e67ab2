import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigratedDatabase, type TestDatabase } from "../support/database";

interface ModelField {
  column: string;
  type: string;
  nativeType: string | null;
  optional: boolean;
  /** A scalar list (String[]): PostgreSQL reports an array type, its element's name prefixed with _. */
  list: boolean;
}

interface Model {
  table: string;
  fields: ModelField[];
}

const SCHEMA = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Json", "Decimal", "Bytes"]);

function blocks(kind: "model" | "enum"): Array<{ name: string; body: string[] }> {
  return [...SCHEMA.matchAll(new RegExp(`^${kind} (\\w+) \\{([\\s\\S]*?)^\\}`, "gm"))].map((m) => ({
    name: m[1],
    body: m[2].split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("//")),
  }));
}

const ENUMS = new Map(
  blocks("enum").map(({ name, body }) => [name, body.find((l) => l.startsWith("@@map"))?.match(/"(\w+)"/)?.[1] ?? name]),
);

// Column-bearing fields only: relation fields (a model type or a list) have no column of their own.
const MODELS: Model[] = blocks("model").map(({ name, body }) => ({
  table: body.find((l) => l.startsWith("@@map"))?.match(/"(\w+)"/)?.[1] ?? name,
  fields: body
    .filter((line) => !line.startsWith("@@"))
    .map((line) => line.split(/\s+/))
    .filter(([, type]) => {
      const base = type.replace(/[?[\]]/g, "");
      return SCALARS.has(base) || ENUMS.has(base);
    })
    .map(([fieldName, type, ...attributes]) => {
      const rest = attributes.join(" ");
      return {
        column: rest.match(/@map\("(\w+)"\)/)?.[1] ?? fieldName,
        type: type.replace(/[?[\]]/g, ""),
        list: type.endsWith("[]"),
        nativeType: rest.match(/@db\.(\w+)/)?.[1] ?? null,
        optional: type.endsWith("?"),
      };
    }),
}));

// What PostgreSQL reports for each Prisma type (information_schema udt_name).
function expectedUdt(field: ModelField): string {
  return field.list ? `_${elementUdt(field)}` : elementUdt(field);
}

function elementUdt(field: ModelField): string {
  if (ENUMS.has(field.type)) return ENUMS.get(field.type)!;
  if (field.nativeType === "Uuid") return "uuid";
  if (field.nativeType === "Timestamptz") return "timestamptz";
  if (field.nativeType === "Date") return "date";
  return { String: "text", Int: "int4", BigInt: "int8", Float: "float8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb" }[field.type]!;
}

let database: TestDatabase;
let columns: Map<string, { udt: string; nullable: boolean }>;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
  );
  await client.end();
  columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, { udt: r.udt_name, nullable: r.is_nullable === "YES" }]));
});

afterAll(async () => {
  await database.drop();
});

describe("schema.prisma and the migrated database", () => {
  test("the schema parser found every model", () => {
    expect(MODELS.map((m) => m.table).sort()).toEqual(["acknowledge_link_uses", "alert_events", "alert_rules", "api_tokens", "audit_log", "business_hours", "ingest_pending_counts", "ingested_events", "insight_days", "monitored_services", "notification_channels", "notifications", "silences", "system_alerts", "system_metric_rollups", "system_metrics", "users"]);
  });

  test.each(MODELS.map((model) => [model.table, model] as const))("every field of %s is a column of the right type and nullability", (_, model) => {
    for (const field of model.fields) {
      const column = columns.get(`${model.table}.${field.column}`);
      expect(column, `${model.table}.${field.column} is missing`).toBeDefined();
      expect(column!.udt, `${model.table}.${field.column} type`).toBe(expectedUdt(field));
      expect(column!.nullable, `${model.table}.${field.column} nullability`).toBe(field.optional);
    }
  });

  test("every column of a modelled table is a field of its model", () => {
    for (const model of MODELS) {
      const modelled = new Set(model.fields.map((f) => f.column));
      const inDatabase = [...columns.keys()].filter((key) => key.startsWith(`${model.table}.`)).map((key) => key.split(".")[1]);
      expect(inDatabase.filter((column) => !modelled.has(column)), `${model.table} has unmodelled columns`).toEqual([]);
    }
  });
});
