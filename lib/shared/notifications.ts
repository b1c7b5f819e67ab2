// The notification shapes the API returns and the dashboard renders, defined once. Type imports
// only: nothing here pulls server code into a client bundle.
import type { VariableName } from "../config/definitions";
import type { NotificationChannel, NotificationStatus } from "../generated/prisma/enums";

/** One delivery of a notification, as the alert detail lists it. */
export interface Delivery {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  reason: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** A delivery in the delivery log, with the alert it was for. */
export interface DeliveryView extends Delivery {
  /** The channel row's name; null for a channel from the environment. */
  channelName: string | null;
  alertId: string | null;
  alert: { title: string; type: string; severity: string; isTest: boolean } | null;
}

export interface ChannelOverview {
  channel: NotificationChannel;
  enabled: boolean;
  configured: boolean;
  enableVariable: VariableName;
  /** Variables to set before the channel can send. */
  missing: VariableName[];
  recipient: string | null;
  recentDeliveries: DeliveryView[];
}

/** GET /api/v1/monitoring/notifications: every channel's state and the latest deliveries. */
export interface NotificationsOverview {
  channels: ChannelOverview[];
  deliveries: DeliveryView[];
}
