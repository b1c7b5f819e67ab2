import { recordAudit } from "../audit/record";
import type { Principal } from "../auth/roles";
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { ConfiguredChannel, Prisma } from "../generated/prisma/client";
import { BadRequestError, ConflictError, NotFoundError } from "../http/errors";
import { telegramUrlProblem } from "../notify/channels/formats/telegram";
import { channelRowJson } from "./channel-json";
import type { ChannelBody, ChannelPatch } from "./schemas";

// Each channel is read on every notice and listed with its deliveries: keep the list one page long.
export const MAX_CHANNELS = 50;

// Fields that belong to one kind only: a patch naming another kind's field is refused by name.
const KIND_FIELDS = { EMAIL: ["addresses"], SMS: ["phones"], WEBHOOK: ["url", "secret", "format"] } as const;

function auditTarget(channel: ConfiguredChannel): string {
  return `channel:${channel.id} ${channel.name}`;
}

/** The audit trail's before/after: the API's view, so URLs keep their origin only and secrets stay masked. */
function audited(channel: ConfiguredChannel) {
  const { name, kind, enabled, severities, types, addresses, phones, url, secret, format } = channelRowJson(channel);
  return { name, kind, enabled, severities, types, addresses, phones, url, secret, format };
}

function urlLabel(url: string): string {
  return `${new URL(url).origin}/…`;
}

function sealedTarget(body: { url?: string; secret?: string | null }, box: SecretBox): Prisma.ConfiguredChannelUpdateInput {
  return {
    ...(body.url !== undefined && { urlEncrypted: box.seal(body.url), urlLabel: urlLabel(body.url) }),
    ...(body.secret !== undefined && { secretEncrypted: body.secret === null ? null : box.seal(body.secret) }),
  };
}

/** Creates a channel row with its channel.create audit row, in one transaction. A taken name is a ConflictError. */
export async function createChannel(db: Db, body: ChannelBody, principal: Principal, box: SecretBox): Promise<ConfiguredChannel> {
  const { name, kind, enabled, severities, types } = body;
  const target =
    body.kind === "EMAIL" ? { addresses: body.addresses } : body.kind === "SMS" ? { phones: body.phones } : { format: body.format, ...(sealedTarget(body, box) as { urlEncrypted: string; urlLabel: string }) };
  return db.$transaction(async (tx) => {
    if ((await tx.configuredChannel.count()) >= MAX_CHANNELS) throw new ConflictError(`At most ${MAX_CHANNELS} channels: delete one first`);
    await refuseTakenName(tx, name);
    const channel = await tx.configuredChannel.create({ data: { name, kind, enabled, severities, types, ...target, createdBy: principal.name } });
    await recordAudit(tx, { actor: principal.name, action: "channel.create", target: auditTarget(channel), after: audited(channel) });
    return channel;
  });
}

/** Changes a channel row, with its channel.update audit row. Fields of another kind are a 400 naming the field. */
export async function updateChannel(db: Db, id: string, patch: ChannelPatch, principal: Principal, box: SecretBox): Promise<ConfiguredChannel> {
  return db.$transaction(async (tx) => {
    const before = await findChannel(tx, id);
    const foreign = Object.entries(KIND_FIELDS).flatMap(([kind, fields]) => (kind === before.kind ? [] : fields.filter((field) => patch[field] !== undefined)));
    if (foreign.length) throw new BadRequestError(`${foreign[0]}: a ${before.kind} channel has no ${foreign[0]} (its kind cannot change)`);
    if (patch.name !== undefined && patch.name !== before.name) await refuseTakenName(tx, patch.name);
    if ((patch.format ?? before.format) === "telegram" && (patch.format || patch.url)) {
      const url = patch.url ?? openOrNull(box, before.urlEncrypted);
      const problem = url ? telegramUrlProblem(url) : "the stored URL cannot be decrypted: give it again";
      if (problem) throw new BadRequestError(`url: ${problem}`);
    }
    const { name, enabled, severities, types, addresses, phones, format } = patch;
    const after = await tx.configuredChannel.update({ where: { id }, data: { name, enabled, severities, types, addresses, phones, format, ...sealedTarget(patch, box) } });
    await recordAudit(tx, { actor: principal.name, action: "channel.update", target: auditTarget(after), before: audited(before), after: audited(after) });
    return after;
  });
}

/**
 * Deletes a channel row with its channel.delete audit row. Its deliveries stay in the log under its
 * name; those still waiting are failed, since there is nowhere left to send them.
 */
export async function deleteChannel(db: Db, id: string, principal: Principal): Promise<ConfiguredChannel> {
  return db.$transaction(async (tx) => {
    const channel = await findChannel(tx, id);
    await tx.notification.updateMany({ where: { channelId: id, status: "PENDING" }, data: { status: "FAILED", lastError: `The channel ${channel.name} was deleted` } });
    await tx.configuredChannel.delete({ where: { id } });
    await recordAudit(tx, { actor: principal.name, action: "channel.delete", target: auditTarget(channel), before: audited(channel) });
    return channel;
  });
}

async function findChannel(tx: Prisma.TransactionClient, id: string): Promise<ConfiguredChannel> {
  const channel = await tx.configuredChannel.findUnique({ where: { id } });
  if (!channel) throw new NotFoundError(`Channel ${id} does not exist`);
  return channel;
}

async function refuseTakenName(tx: Prisma.TransactionClient, name: string): Promise<void> {
  if (await tx.configuredChannel.findUnique({ where: { name }, select: { id: true } })) throw new ConflictError(`A channel named ${name} already exists`);
}

function openOrNull(box: SecretBox, sealed: string | null): string | null {
  try {
    return sealed ? box.open(sealed) : null;
  } catch {
    return null;
  }
}
