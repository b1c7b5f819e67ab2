import { randomUUID } from "node:crypto";
import type { NotificationChannel } from "../generated/prisma/client";
import { channelSenders } from "./channels";
import { SEND_TIMEOUT_MS } from "./dispatcher";
import type { Notice } from "./notice";
import { CHANNELS, channelReadiness, defaultNotifySettings, isReady, type NotifySettings } from "./settings";

export interface DirectResult {
  channel: NotificationChannel;
  error?: string;
}

/**
 * Sends a notice at once on every ready channel, bypassing the outbox: for the one case where the
 * outbox cannot be used, because the database that holds it is down. Nothing is recorded or retried.
 */
export async function sendDirect(notice: Notice, settings: NotifySettings = defaultNotifySettings(), timeoutMs = SEND_TIMEOUT_MS): Promise<DirectResult[]> {
  const ready = CHANNELS.map((channel) => channelReadiness(channel, settings)).filter(isReady);
  return Promise.all(
    ready.map(async ({ channel, recipient }) => {
      try {
        await channelSenders[channel]({ id: randomUUID(), notice, recipient, sentAt: new Date() }, settings, timeoutMs);
        return { channel };
      } catch (error) {
        return { channel, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
