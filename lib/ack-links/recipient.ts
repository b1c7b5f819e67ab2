import type { Notification } from "../generated/prisma/client";

/**
 * Who a delivery went to, as an acknowledge link's actor: "email:ops@example.com",
 * "sms:+9779800000000", "webhook:team-chat" (the channel's name; the environment's webhook has none).
 */
export function recipientLabel(row: Pick<Notification, "channel" | "recipient" | "channelName">): string {
  switch (row.channel) {
    case "EMAIL":
      return `email:${row.recipient}`;
    case "SMS":
      return `sms:${row.recipient}`;
    case "WEBHOOK":
      return `webhook:${row.channelName ?? "environment"}`;
  }
}

/**
 * An actor as shown to people: a link's recipient keeps enough to recognise ("email:o…@example.com",
 * "sms:+977…00"); users, tokens, channel names and the system are shown as they are.
 */
export function maskActor(actor: string): string;
export function maskActor(actor: string | null): string | null;
export function maskActor(actor: string | null): string | null {
  if (actor?.startsWith("email:")) return `email:${actor.slice(6).split(", ").map(maskAddress).join(", ")}`;
  if (actor?.startsWith("sms:")) return `sms:${maskPhone(actor.slice(4))}`;
  return actor;
}

function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}…${address.slice(at)}` : "…";
}

function maskPhone(phone: string): string {
  return phone.length > 6 ? `${phone.slice(0, 4)}…${phone.slice(-2)}` : "…";
}
