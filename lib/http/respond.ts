import type { z } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable";
import { BadRequestError, HttpError, ServiceUnavailableError, TooManyRequestsError } from "./errors";

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
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError("The database did not answer in time; try again shortly");
  return new HttpError(500, "internal_error", `Internal server error (request id ${requestId})`);
}

/** 400 naming the first invalid field and why, e.g. "Invalid body field role: Invalid option: …". */
export function validationError(error: z.ZodError, what: string): BadRequestError {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.join(".") : "(root)";
  return new BadRequestError(`Invalid ${what} ${field}: ${issue.message}`, "validation_error");
}

export function errorResponse(error: HttpError, requestId: string): Response {
  const response = Response.json({ error: { code: error.code, message: error.message, requestId } }, { status: error.status });
  if (error.status === 401) response.headers.set("www-authenticate", 'Bearer realm="khaacho-monitor"');
  if (error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined) response.headers.set("retry-after", String(Math.ceil(error.retryAfterSeconds)));
  return response;
}
