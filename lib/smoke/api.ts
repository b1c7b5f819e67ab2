const TIMEOUT_MS = 10_000;

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export class SmokeFailure extends Error {}

/** The monitor's HTTP API as the smoke suite calls it: JSON in and out, the admin token when asked. */
export class SmokeApi {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  get(path: string, { auth = true } = {}): Promise<ApiAnswer> {
    return this.call("GET", path, undefined, auth);
  }

  post(path: string, body: unknown = {}): Promise<ApiAnswer> {
    return this.call("POST", path, body, true);
  }

  /** The answer's body when its status is the expected one; otherwise a failure naming both. */
  async expect<T>(answer: Promise<ApiAnswer>, status: number, what: string): Promise<T> {
    const { status: got, body } = await answer;
    if (got !== status) {
      const message = (body as { error?: { message?: string } } | null)?.error?.message ?? JSON.stringify(body)?.slice(0, 200);
      throw new SmokeFailure(`${what} answered ${got}, expected ${status}: ${message}`);
    }
    return body as T;
  }

  private async call(method: string, path: string, body: unknown, auth: boolean): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (auth) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new SmokeFailure(`${method} ${path} could not reach ${this.baseUrl}: ${cause}`);
    }
    const text = await response.text();
    try {
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch {
      return { status: response.status, body: text };
    }
  }
}
