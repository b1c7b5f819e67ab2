import type { Prisma } from "../generated/prisma/client";

// What an audit row may hold of a before/after value: enough to read what changed, never a secret,
// and bounded however large the value handed in.
const SECRET_KEY = /pass(word)?|secret|hash|^token$|api_?key|authorization|cookie|credential/i;
export const REDACTED = "[redacted]";
const MAX_STRING = 1000;
const MAX_ITEMS = 100;
const MAX_DEPTH = 6;
export const MAX_JSON_BYTES = 16 * 1024;

/** Bounded text PostgreSQL can store: no NUL bytes, at most `max` characters (cut ones end in "…"). */
export function boundedText(text: string, max: number): string {
  const clean = text.replaceAll("\u0000", "");
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** The JSON to store for a before/after value, or null for none. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | null {
  const json = toJson(value, 0);
  if (json === undefined || json === null) return null;
  const bytes = Buffer.byteLength(JSON.stringify(json));
  return bytes <= MAX_JSON_BYTES ? json : { omitted: `the value was ${bytes} bytes, more than ${MAX_JSON_BYTES}` };
}

function toJson(value: unknown, depth: number): Prisma.InputJsonValue | null | undefined {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return boundedText(value, MAX_STRING);
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== "object") return undefined;
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => toJson(item, depth + 1) ?? null);
  const entries = Object.entries(value).slice(0, MAX_ITEMS);
  const object: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, item] of entries) {
    const json = SECRET_KEY.test(key) ? REDACTED : toJson(item, depth + 1);
    if (json !== undefined) object[boundedText(key, 100)] = json;
  }
  return object;
}
