/** Errors the domain throws; the route wrapper maps each to its HTTP status once. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, code = "bad_request") {
    super(400, code, message);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = "Authentication required: send Authorization: Bearer <token> or sign in") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `Request body exceeds ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(message: string) {
    super(415, "unsupported_media_type", message);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    /** Seconds until a retry may succeed, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(429, "too_many_requests", message);
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string) {
    super(503, "service_unavailable", message);
  }
}
