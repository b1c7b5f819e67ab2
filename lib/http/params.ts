import { z } from "zod";

/** Path parameters of a route addressing one record by UUID, e.g. /api/v1/tokens/[id]. */
export const idParams = z.object({ id: z.uuid("must be a UUID") });
