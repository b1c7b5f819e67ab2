import { z } from "zod";

// Input every route shares. PostgreSQL refuses NUL in text and years outside its calendar, and a
// lone surrogate becomes U+FFFD on the way to UTF-8, so two different strings would store as one:
// all of them are 400s here instead of 500s (or silent merges) in the database.

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

/** Text of at most `max` characters with no NUL byte or lone surrogate; trimmed unless told not to. */
export function safeText(max: number, { trim = true, error }: { trim?: boolean; error?: string } = {}) {
  const base = trim ? z.string({ error }).trim() : z.string({ error });
  return base.max(max, `must be at most ${max} characters`).refine(isStorableText, "must not contain NUL bytes or unpaired surrogates");
}

/** Empty text counts as absent, so a form's blank field does not fail validation. */
export function optionalSafeText(max: number) {
  return safeText(max).optional().transform((text) => text || undefined);
}

// Years 1 to 9999: what ISO 8601 writes with four digits, well inside PostgreSQL's timestamptz.
const EARLIEST_MS = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST_MS = Date.parse("9999-12-31T23:59:59.999Z");
const DATE_RANGE_ERROR = "must be a date from year 1 to 9999";

export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST_MS && time <= LATEST_MS;
}

/** An ISO 8601 time with offset, as text (what events carry), in years 1 to 9999. */
export const isoTimeText = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with offset, e.g. 2026-11-28T10:00:00Z" }))
  .refine((text) => isStorableDate(new Date(text)), DATE_RANGE_ERROR);

/** An ISO 8601 time with offset, or a date (midnight UTC), as a Date in years 1 to 9999. */
export const instant = z
  .string()
  .max(40)
  .pipe(z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "expected an ISO 8601 date or time, e.g. 2026-02-08T10:00:00Z" }))
  .transform((text) => new Date(text))
  .refine(isStorableDate, DATE_RANGE_ERROR);
