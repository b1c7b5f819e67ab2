// The notification shapes the API returns and the dashboard renders, defined once as the schemas
// the OpenAPI document declares; the types are read off them. Nothing here pulls server code in.
import { z } from "zod";
import type { VariableName } from "../config/definitions";
import { isoTime, nullableIsoTime } from "./iso-time";

/** As the database enums spell them. */
export const NOTIFICATION_CHANNELS = ["EMAIL", "SMS", "WEBHOOK"] as const;
export const NOTIFICATION_STATUSES = ["PENDING", "SENT", "FAILED"] as const;

const variableName = z.custom<VariableName>((value) => typeof value === "string");

/** One delivery of a notification, as the alert detail lists it. */
export const deliverySchema = z.object({
  id: z.uuid(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.string(),
  reason: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: nullableIsoTime,
  sentAt: nullableIsoTime,
  createdAt: isoTime,
});
export type Delivery = z.output<typeof deliverySchema>;

/** A delivery in the delivery log, with the alert it was for. */
export const deliveryViewSchema = deliverySchema.extend({
  /** The channel row's name; null for a channel from the environment. */
  channelName: z.string().nullable(),
  alertId: z.uuid().nullable(),
  alert: z.object({ title: z.string(), type: z.string(), severity: z.string(), isTest: z.boolean() }).nullable(),
});
export type DeliveryView = z.output<typeof deliveryViewSchema>;

export const channelOverviewSchema = z.object({
  channel: z.enum(NOTIFICATION_CHANNELS),
  enabled: z.boolean(),
  configured: z.boolean(),
  enableVariable: variableName,
  /** Variables to set before the channel can send. */
  missing: z.array(variableName),
  recipient: z.string().nullable(),
  recentDeliveries: z.array(deliveryViewSchema),
});
export type ChannelOverview = z.output<typeof channelOverviewSchema>;

/** GET /api/v1/monitoring/notifications: every channel's state and the latest deliveries. */
export const notificationsOverviewSchema = z.object({ channels: z.array(channelOverviewSchema), deliveries: z.array(deliveryViewSchema) });
export type NotificationsOverview = z.output<typeof notificationsOverviewSchema>;
