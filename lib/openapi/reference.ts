import type { buildOpenApiDocument } from "./document";

export interface ReferenceParameter {
  name: string;
  in: string;
  required: boolean;
  schema: { type?: string; enum?: string[] };
}

export interface ReferenceOperation {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ReferenceParameter[];
  bodyFields: string[];
  status: string;
}

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
type DocumentedOperation = {
  summary: string;
  description: string;
  parameters: ReferenceOperation["parameters"];
  requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown> } } } };
  responses: Record<string, unknown>;
};

/** The document's operations flattened for the reference page, in the document's order. */
export function referenceOperations({ paths }: OpenApiDocument): ReferenceOperation[] {
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, DocumentedOperation>).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      summary: operation.summary,
      description: operation.description,
      parameters: operation.parameters,
      bodyFields: Object.keys(operation.requestBody?.content["application/json"].schema.properties ?? {}),
      status: Object.keys(operation.responses)[0],
    })),
  );
}
