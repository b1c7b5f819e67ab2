import { logAlertChange } from "../alerts/alert-log";
import { acknowledgeWithin } from "../alerts/lifecycle";
import type { Db } from "../db/client";
import type { SystemAlert } from "../generated/prisma/client";
import { ConflictError, NotFoundError } from "../http/errors";
import { maskActor, recipientLabel } from "./recipient";
import { type ParsedAckToken, parseAckToken, verifyAckToken } from "./token";

/** Why a link cannot acknowledge; each is a page of its own. */
export type LinkProblem =
  | { kind: "invalid" }
  | { kind: "used"; usedAt: Date }
  | { kind: "expired"; expiredAt: Date }
  | { kind: "resolved" | "acknowledged"; alert: SystemAlert };

export type LinkState = { ok: true; alert: SystemAlert; recipient: string; token: ParsedAckToken } | { ok: false; problem: LinkProblem };

/**
 * What a link is worth now: it must parse, be signed for one of the alert's recipients, be unused
 * and in date, and its alert still ACTIVE. Reads only: opening a link changes nothing.
 */
export async function readAckLink(db: Db, key: Buffer, text: string, now: Date): Promise<LinkState> {
  const invalid: LinkState = { ok: false, problem: { kind: "invalid" } };
  const token = parseAckToken(text);
  if (!token) return invalid;
  const alert = await db.systemAlert.findUnique({ where: { id: token.alertId } });
  if (!alert) return invalid;
  // The token names its recipient by a short tag; the recipients are those the alert's notices went to.
  const deliveries = await db.notification.findMany({ where: { alertId: alert.id }, distinct: ["channel", "recipient", "channelName"], select: { channel: true, recipient: true, channelName: true } });
  const verdicts = deliveries.map(recipientLabel).map((recipient) => ({ recipient, verdict: verifyAckToken(key, token, recipient, now) }));
  const signed = verdicts.find(({ verdict }) => verdict !== "tampered");
  if (!signed) return invalid;
  const used = await db.acknowledgeLinkUse.findUnique({ where: { tokenId: token.tokenId } });
  if (used) return { ok: false, problem: { kind: "used", usedAt: used.usedAt } };
  if (alert.status !== "ACTIVE") return { ok: false, problem: { kind: alert.status === "RESOLVED" ? "resolved" : "acknowledged", alert } };
  if (signed.verdict === "expired") return { ok: false, problem: { kind: "expired", expiredAt: token.expiresAt } };
  return { ok: true, alert, recipient: signed.recipient, token };
}

/**
 * Acknowledges the link's alert as its recipient, through the same step as the dashboard, and
 * records the link as used in the same transaction: of two confirmations one wins, the other reads "used".
 */
export async function redeemAckLink(db: Db, key: Buffer, text: string, notes: string | undefined, now: Date): Promise<LinkState> {
  const state = await readAckLink(db, key, text, now);
  if (!state.ok) return state;
  const { token, recipient } = state;
  try {
    const alert = await db.$transaction(async (tx) => {
      const { count } = await tx.acknowledgeLinkUse.createMany({ data: [{ tokenId: token.tokenId, alertId: token.alertId, recipient, usedAt: now, expiresAt: token.expiresAt }], skipDuplicates: true });
      if (!count) throw new ConflictError("This link was used meanwhile");
      return acknowledgeWithin(tx, token.alertId, { actor: recipient, notes, at: now, details: { via: "acknowledge link" } });
    });
    logAlertChange("acknowledged", alert, maskActor(recipient));
    return { ...state, alert };
  } catch (error) {
    // Someone else acknowledged, resolved or used the link in between (or the alert was deleted): say what happened.
    if (error instanceof ConflictError || error instanceof NotFoundError) return readAckLink(db, key, text, now);
    throw error;
  }
}
