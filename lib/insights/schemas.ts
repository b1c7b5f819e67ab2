import { z } from "zod";
import { insightsQuery } from "./period";

export const thresholdQuery = insightsQuery.extend({
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, "must be an alert type such as HIGH_CPU_USAGE"),
});
