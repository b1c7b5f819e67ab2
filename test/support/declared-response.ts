import type { ApiEntry, OperationDocs } from "@/lib/openapi/document";

// Every success answer a route gives in the integration tests is held to the response schema the
// API catalogue declares for it: a body the schema refuses, or a field it does not declare, fails
// the test that made the call. Routes are found by their handler, so callers need no path.

type Declared = { name: string; docs: OperationDocs };

let declarations: Promise<Map<unknown, Declared>> | undefined;

// Loaded on first use: by then the test has pointed the configuration at its database.
async function loadDeclarations(): Promise<Map<unknown, Declared>> {
  const [{ API_CATALOGUE }, { routeHandlers }] = await Promise.all([import("@/app/api/catalogue"), import("@/lib/openapi/document")]);
  const byHandler = new Map<unknown, Declared>();
  for (const entry of API_CATALOGUE as readonly ApiEntry[]) {
    for (const [method, handler] of routeHandlers(entry.handlers)) byHandler.set(handler, { name: `${method} ${entry.path}`, docs: entry.docs[method]! });
  }
  return byHandler;
}

async function declaredFor(handler: unknown): Promise<Declared | undefined> {
  return (await (declarations ??= loadDeclarations())).get(handler);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where the answer carries what the parsed (declared) value left out. */
export function undeclaredFields(body: unknown, parsed: unknown, at = "$"): string[] {
  if (Array.isArray(body) && Array.isArray(parsed)) return body.flatMap((item, i) => undeclaredFields(item, parsed[i], `${at}[${i}]`));
  if (!isRecord(body) || !isRecord(parsed)) return [];
  return Object.keys(body).flatMap((key) => (key in parsed ? undeclaredFields(body[key], parsed[key], `${at}.${key}`) : [`${at}.${key}`]));
}

/** Throws when a 2xx answer of a catalogued route does not match its declared status and schema. */
export async function checkDeclaredResponse(handler: unknown, response: Response): Promise<void> {
  if (response.status < 200 || response.status > 299) return;
  const declared = await declaredFor(handler);
  if (!declared) return;
  const { name, docs } = declared;
  const expectedStatus = docs.status ?? 200;
  if (response.status !== expectedStatus) throw new Error(`${name} answered ${response.status}; its catalogue entry declares ${expectedStatus}`);
  const text = await response.clone().text();
  if (docs.response === null) {
    if (text !== "") throw new Error(`${name} declares no body but answered ${text.slice(0, 200)}`);
    return;
  }
  const body = docs.contentType ? text : JSON.parse(text);
  const result = docs.response.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`${name} answered a body its declared response schema refuses: ${issues.join("; ")}`);
  }
  const extra = undeclaredFields(body, result.data);
  if (extra.length) throw new Error(`${name} answered fields its declared response schema does not declare: ${extra.slice(0, 10).join(", ")}`);
}
