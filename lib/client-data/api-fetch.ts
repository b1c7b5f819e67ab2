/** An answer from our API that was not 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get unreachable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Same-origin JSON request with the session cookie; throws ApiError with the API's own message. */
export async function apiFetch<T>(path: string, { method = "GET", body }: { method?: Method; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "Cannot reach the server. Check your connection.");
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.message ?? `The server answered HTTP ${response.status}.`, error?.code);
  }
  return json as T;
}

/** A query string from the defined values, e.g. `?status=ACTIVE&limit=10`, or "" when none. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
