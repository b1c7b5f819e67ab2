import type { Db } from "../db/client";
import { BadRequestError, NotFoundError } from "../http/errors";
import { sendTestNotification, sendTestTo, type TestNotificationResult, type TestOptions } from "../notify/test-notification";
import { environmentKind } from "./environment";
import { rowRecipients } from "./routing";

/**
 * Sends a test message on one channel, by id: an environment channel or a row (even a disabled
 * one, so it can be checked before it is switched on). An SMS row with several phones texts each;
 * the answer is the first failure, else the first delivery.
 */
export async function sendChannelTest(db: Db, id: string, options: TestOptions = {}): Promise<TestNotificationResult> {
  const kind = environmentKind(id);
  if (kind) return sendTestNotification(db, kind, options);
  const channel = await db.configuredChannel.findUnique({ where: { id } });
  if (!channel) throw new NotFoundError(`Channel ${id} does not exist`);
  const recipients = rowRecipients(channel);
  if (!recipients.length) throw new BadRequestError(`The channel ${channel.name} has nowhere to send`);
  const results: TestNotificationResult[] = [];
  for (const recipient of recipients) results.push(await sendTestTo(db, { channel: channel.kind, recipient, channelId: channel.id, channelName: channel.name }, options));
  return results.find((result) => result.status !== "SENT") ?? results[0];
}
