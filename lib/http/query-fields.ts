import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../shared/page-size";
import { safeText } from "./schemas";

// Query fields every listing route shares, so each validates them (and words its 400) the same way.

export { DEFAULT_PAGE_SIZE };
const PAGE_SIZE_ERROR = `expected a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** ?limit=: how many rows a page holds. */
export const pageLimit = z.coerce
  .number({ error: PAGE_SIZE_ERROR })
  .int(PAGE_SIZE_ERROR)
  .min(1, PAGE_SIZE_ERROR)
  .max(MAX_PAGE_SIZE, PAGE_SIZE_ERROR)
  .default(DEFAULT_PAGE_SIZE);

/** ?cursor=: the nextCursor of a previous page, decoded by page-cursor.ts. */
export const pageCursor = safeText(200);
