import { z } from "zod";
import { CHANNELS } from "./settings";

const upperCaseEnum = <const T extends readonly [string, ...string[]]>(values: T) => z.string().trim().toUpperCase().pipe(z.enum(values));

export const channelSchema = upperCaseEnum(CHANNELS);

export const testNotificationBody = z.object({ channel: channelSchema });

export const deliveriesQuery = z.object({
  channel: channelSchema.optional(),
  status: upperCaseEnum(["PENDING", "SENT", "FAILED"]).optional(),
});
