import { z } from "zod";

// Response bodies the OpenAPI document declares; the integration tests check every 2xx JSON answer
// of a route against its schema, and fail on a field the schema does not declare.

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

/** For a route that answers 204: no body. */
export const noContent = z.undefined();

export * from "./accounts";
export * from "./alerts";
export * from "./channels";
export * from "./insights";
export * from "./monitoring";
export * from "./rules";
export * from "./silences";
