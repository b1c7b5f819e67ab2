import { z } from "zod";
import type { RouteContract } from "../http/route";
import { errorResponse } from "./responses";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What the document adds to a route's own contract: a summary and the response. */
export interface OperationDocs {
  summary: string;
  status?: number;
  /** The success answer's body; null for an answer without one (204). */
  response: z.ZodType | null;
  /** For a response that is not JSON. */
  contentType?: string;
}

/** One route file: its path, its exported handlers (each carrying its contract) and their docs. */
export interface ApiEntry {
  /** The route as lib/http/routes.ts lists it (`/alerts/[id]`). */
  template: string;
  /** As OpenAPI spells it (`/alerts/{id}`). */
  path: string;
  /** The route module itself: its exported handlers carry their contracts. */
  handlers: object;
  docs: Partial<Record<HttpMethod, OperationDocs>>;
}

export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** The handlers a route module exports, by method. */
export function routeHandlers(module: object): [HttpMethod, { contract: RouteContract }][] {
  const exported = module as Record<string, unknown>;
  return HTTP_METHODS.filter((method) => method in exported).map((method) => [method, exported[method] as { contract: RouteContract }]);
}

type JsonSchema = Record<string, unknown>;

// The document's dialect is JSON Schema 2020-12 already, so each schema drops its own $schema.
const jsonSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const rendered = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete rendered.$schema;
  return rendered;
};

function parameters(schema: z.ZodType | undefined, where: "query" | "path") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (object.required ?? []).includes(name),
    schema: property,
  }));
}

const ROLE_NOTE = { public: "No credentials.", VIEWER: "Role VIEWER or above.", ADMIN: "Role ADMIN.", INGEST: "Role INGEST (or ADMIN)." } as const;

function operation(method: HttpMethod, { contract }: { contract: RouteContract }, docs: OperationDocs) {
  const success = docs.response ? { content: { [docs.contentType ?? "application/json"]: { schema: jsonSchema(docs.response, "output") } } } : {};
  const failure = { description: "An error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return {
    operationId: `${method.toLowerCase()}${docs.summary.replace(/[^A-Za-z]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase())}`,
    summary: docs.summary,
    description: ROLE_NOTE[contract.role],
    ...(contract.role === "public" ? { security: [] } : {}),
    parameters: [...parameters(contract.params, "path"), ...parameters(contract.query, "query")],
    ...(contract.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(contract.body, "input") } } } } : {}),
    responses: { [String(docs.status ?? 200)]: { description: "Success", ...success }, "4XX": failure, "5XX": failure },
  };
}

/** The OpenAPI 3.1 document of the given routes, built from the schemas their wrappers validate with. */
export function buildOpenApiDocument(entries: readonly ApiEntry[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path, handlers, docs } of entries) {
    for (const [method, handler] of routeHandlers(handlers)) {
      const operationDocs = docs[method];
      if (!operationDocs) throw new Error(`${method} ${path} has no entry in the API catalogue`);
      (paths[path] ??= {})[method.toLowerCase()] = operation(method, handler, operationDocs);
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Khaacho Monitor API", version },
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (kmon_…)" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The dashboard's session" },
      },
      schemas: { Error: jsonSchema(errorResponse, "output") },
    },
    paths,
  };
}
