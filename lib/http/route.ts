import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authenticateRequest, carriesCredentials } from "../auth/authenticate";
import { type Principal, type RequiredRole, satisfiesRole } from "../auth/roles";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { BadRequestError, ForbiddenError, HttpError, UnauthorizedError, UnsupportedMediaTypeError } from "./errors";
import { reportRequestCompleted } from "./request-hooks";
import { readBody } from "./read-body";
import { methodLabel, routeTemplateOf } from "./route-templates";
import { errorResponse, toHttpError, validationError } from "./respond";

const DEFAULT_BODY_LIMIT = 64 * 1024;

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

interface RouteOptions<B, Q, P> {
  /** "public" for no authentication; otherwise the weakest role allowed. */
  role: RequiredRole | "public";
  body?: B;
  query?: Q;
  params?: P;
  bodyLimitBytes?: number;
}

interface HandlerContext<B, Q, P, R> {
  request: Request;
  requestId: string;
  principal: R extends "public" ? Principal | null : Principal;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every /api/v1 handler goes through: authentication and role, validated input,
 * one error shape, a request id, and a report of each request to the metrics layer. A handler
 * returning a plain value answers 200 with it as JSON; it may return a Response for anything else.
 */
export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined, R extends RequiredRole | "public" = RequiredRole | "public">(
  options: RouteOptions<B, Q, P> & { role: R },
  handler: (context: HandlerContext<B, Q, P, R>) => Promise<unknown>,
) {
  // The options ride along on the handler so the OpenAPI document reads the schemas it validates with.
  return Object.assign(async (request: Request, nextContext?: NextContext): Promise<Response> => {
    const started = performance.now();
    const requestId = callerRequestId(request) ?? randomUUID();
    const rawParams = (await nextContext?.params) ?? {};
    let response: Response;
    let reachedHandler = false;
    try {
      const principal = await authorize(request, options.role);
      const params = parse(options.params, rawParams, "path parameter");
      const query = parse(options.query, Object.fromEntries(new URL(request.url).searchParams), "query parameter");
      const body = options.body ? parse(options.body, await readJson(request, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT), "body field") : undefined;
      reachedHandler = true;
      const result = await handler({ request, requestId, principal, body, query, params } as HandlerContext<B, Q, P, R>);
      response = result instanceof Response ? result : Response.json(result);
    } catch (error) {
      response = errorResponse(toHttpError(error, requestId), requestId);
      if (!(error instanceof HttpError) && response.status === 500) {
        getLogger("http").error("Unhandled error in API route", { requestId, path: new URL(request.url).pathname, error });
      }
    }
    response.headers.set("x-request-id", requestId);
    response.headers.set("cache-control", "no-store");
    reportRequestCompleted({
      route: routeTemplateOf(new URL(request.url).pathname),
      method: methodLabel(request.method),
      status: response.status,
      durationMs: performance.now() - started,
      reachedHandler,
    });
    return response;
  }, { contract: options as RouteContract });
}

/** What a route declares: its role and the schemas of its input. */
export type RouteContract = RouteOptions<Schema | undefined, Schema | undefined, Schema | undefined>;

// A caller's own request id (from a proxy, say) is kept when it is a plain token, so logs line up.
function callerRequestId(request: Request): string | undefined {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : undefined;
}

async function authorize(request: Request, role: RequiredRole | "public"): Promise<Principal | null> {
  if (role === "public") return null;
  // Only a request that carries credentials needs the database to tell who sent it.
  const principal = carriesCredentials(request) ? await authenticateRequest(getDb(), request) : null;
  if (!principal) throw new UnauthorizedError();
  if (!satisfiesRole(principal.role, role)) {
    throw new ForbiddenError(`This action needs the ${role} role; ${principal.name} has ${principal.role}`);
  }
  return principal;
}

function parse(schema: Schema | undefined, input: unknown, what: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error, what);
}

async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  // A form or text/plain body is what a cross-site form can send without a preflight: never accept one.
  if (request.body !== null && !isJson(request.headers.get("content-type"))) {
    throw new UnsupportedMediaTypeError("Send the request body as JSON with Content-Type: application/json");
  }
  const text = await readBody(request, limitBytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("Request body is not valid JSON", "invalid_json");
  }
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(";")[0].trim().toLowerCase() === "application/json";
}
