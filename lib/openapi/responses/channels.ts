import { z } from "zod";
import { WEBHOOK_FORMATS } from "../../notify/channels/formats";
import { isoTime, nullableIsoTime } from "../../shared/iso-time";
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES, deliveryViewSchema } from "../../shared/notifications";

/** URLs by their origin only, a secret only as set (masked) or not. */
export const channelResponse = z.object({
  id: z.string(),
  source: z.enum(["environment", "settings"]),
  name: z.string(),
  kind: z.enum(NOTIFICATION_CHANNELS),
  enabled: z.boolean(),
  /** Variables still to set before an environment channel can send. */
  missing: z.array(z.string()),
  severities: z.array(z.string()),
  types: z.array(z.string()),
  addresses: z.array(z.string()).optional(),
  phones: z.array(z.string()).optional(),
  url: z.string().optional(),
  secret: z.string().nullable().optional(),
  format: z.enum(WEBHOOK_FORMATS).optional(),
  enableVariable: z.string().optional(),
});

export const channelListResponse = z.object({ channels: z.array(channelResponse.extend({ recentDeliveries: z.array(deliveryViewSchema) })) });

/** The test delivery's id, its status and the error when it failed. */
export const testDeliveryResponse = z.object({ id: z.uuid(), status: z.enum(NOTIFICATION_STATUSES), error: z.string().optional() });

export const serviceResponse = z.object({ name: z.string(), firstSeenAt: isoTime, lastHeartbeatAt: isoTime, retiredAt: nullableIsoTime, retiredBy: z.string().nullable() });
export const serviceListResponse = z.object({ services: z.array(serviceResponse) });
export const oneServiceResponse = z.object({ service: serviceResponse });
