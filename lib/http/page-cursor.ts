import { BadRequestError } from "./errors";
import { isStorableDate } from "./schemas";

/** Where a page of a newest-first list ends, in its (time, id) order: alerts, audit entries. */
export interface PageCursor {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor({ at, id }: PageCursor): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

/** Opaque to clients; anything we did not hand out is a 400. */
export function decodeCursor(cursor: string): PageCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (typeof at === "string" && isStorableDate(date) && typeof id === "string" && UUID.test(id)) return { at: date, id };
  } catch {
    // falls through to the 400
  }
  throw new BadRequestError("Invalid query parameter cursor: use the nextCursor of a previous page", "validation_error");
}
