// Prisma's codes for a server it cannot reach, that timed out or closed the connection, and a
// pool with no free connection in time.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What the pg driver adapter reports for the same, and PostgreSQL's own codes for a statement
// cancelled (statement_timeout), a server shutting down or refusing connections.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_POSTGRES_CODES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);
// The pg client's own errors, thrown bare through Prisma: a query or connection that timed out.
const UNAVAILABLE_DRIVER_MESSAGES = /^(Query read timeout|Connection terminated|timeout exceeded when trying to connect)/;

interface DatabaseErrorShape {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

/** True when `error` means the database did not answer (down, frozen, too slow), not a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, meta } = error as DatabaseErrorShape;
  const cause = meta?.driverAdapterError?.cause;
  return (
    (typeof code === "string" && UNAVAILABLE_PRISMA_CODES.has(code)) ||
    (typeof cause?.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) ||
    (typeof cause?.code === "string" && UNAVAILABLE_POSTGRES_CODES.has(cause.code)) ||
    (typeof message === "string" && UNAVAILABLE_DRIVER_MESSAGES.test(message))
  );
}
