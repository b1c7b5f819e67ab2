import type { Notice } from "../notice";
import type { NotifySettings } from "../settings";
import type { WebhookFormat } from "./formats";

/** One delivery attempt as a channel sees it. */
export interface Delivery {
  /** The notifications row id; receivers can use it to drop a repeated delivery. */
  id: string;
  notice: Notice;
  recipient: string;
  sentAt: Date;
  /** A webhook channel's body shape; generic when absent. */
  format?: WebhookFormat;
  /** Acknowledges the alert without signing in; only on notices of an alert still to acknowledge. */
  acknowledgeUrl?: string;
}

/** Sends one delivery or throws an Error whose message the delivery log shows. Never outlives timeoutMs. */
export type SendChannel = (delivery: Delivery, settings: NotifySettings, timeoutMs: number) => Promise<void>;
