import { z } from "zod";

// Query fields every listing route shares, so each validates them (and words its 400) the same way.

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const PAGE_SIZE_ERROR = `expected a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** ?limit=: how many rows a page holds. */
export const pageLimit = z.coerce
  .number({ error: PAGE_SIZE_ERROR })
  .int(PAGE_SIZE_ERROR)
  .min(1, PAGE_SIZE_ERROR)
  .max(MAX_PAGE_SIZE, PAGE_SIZE_ERROR)
  .default(DEFAULT_PAGE_SIZE);

/** ?cursor=: the nextCursor of a previous page, decoded by page-cursor.ts. */
export const pageCursor = z.string().max(200);

// PostgreSQL has no year 0 (1 BC), and four-digit years stop at 9999: between them it stores any time.
const EARLIEST = Date.parse("0001-01-01T00:00:00Z");

/** An ISO 8601 time with offset, or a date (midnight UTC), from the year 1 on. */
export const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "expected an ISO 8601 date or time, e.g. 2026-02-08T10:00:00Z" })
  .transform((text) => new Date(text))
  .refine((date) => date.getTime() >= EARLIEST, "must be in the year 1 or later");

/** Trimmed text of at most `max` characters without NUL bytes (PostgreSQL cannot store them). */
export function plainText(max: number) {
  return z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine((text) => !text.includes("\u0000"), "must not contain NUL bytes");
}
