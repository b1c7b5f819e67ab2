import { BadRequestError } from "../http/errors";
import { isStorableDate } from "../http/schemas";

/** Where a page of alerts ends, in the list's (created_at, id) order. */
export interface AlertCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor({ createdAt, id }: AlertCursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

/** Opaque to clients; anything we did not hand out is a 400. */
export function decodeCursor(cursor: string): AlertCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof createdAt === "string" && isStorableDate(date) && typeof id === "string" && UUID.test(id)) return { createdAt: date, id };
  } catch {
    // falls through to the 400
  }
  throw new BadRequestError("Invalid query parameter cursor: use the nextCursor of a previous page", "validation_error");
}
