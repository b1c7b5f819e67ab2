import { z } from "zod";

// Times in API answers: ISO 8601 with an offset ("2026-01-31T09:15:00.000Z"), null where absent.
export const isoTime = z.iso.datetime({ offset: true });
export const nullableIsoTime = isoTime.nullable();
