import { TimeoutError } from "../../timeout";

const ERROR_BODY_CHARS = 200;

/** POSTs and resolves on a 2xx answer; otherwise throws an error that says what went wrong. */
export async function postOrThrow(url: string, init: Omit<RequestInit, "method" | "signal">, timeoutMs: number, what: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, method: "POST", signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  } catch (error) {
    throw describeFetchError(error, timeoutMs, what);
  }
  const body = await response.text().catch(() => "");
  if (!response.ok) {
    throw new Error(`${what} answered HTTP ${response.status}${body ? `: ${body.slice(0, ERROR_BODY_CHARS)}` : ""}`);
  }
}

function describeFetchError(error: unknown, timeoutMs: number, what: string): Error {
  if (error instanceof Error && error.name === "TimeoutError") return new TimeoutError(what, timeoutMs);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return new Error(`${what} unreachable${cause || (error instanceof Error ? `: ${error.message}` : "")}`);
}
