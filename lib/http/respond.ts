import { HttpError } from "./errors";

interface PrismaLikeError {
  code?: unknown;
  name?: unknown;
}

/** Maps anything thrown to the HttpError it means; unknown errors hide their message. */
export function toHttpError(error: unknown, requestId: string): HttpError {
  if (error instanceof HttpError) return error;
  const code = (error as PrismaLikeError | null)?.code;
  if (code === "P2025") return new HttpError(404, "not_found", "The record does not exist");
  if (code === "P2002") return new HttpError(409, "conflict", "A record with these values already exists");
  return new HttpError(500, "internal_error", `Internal server error (request id ${requestId})`);
}

export function errorResponse(error: HttpError, requestId: string): Response {
  return Response.json({ error: { code: error.code, message: error.message, requestId } }, { status: error.status });
}
