import { channelRowJson } from "@/lib/channels/channel-json";
import { deleteChannel, updateChannel } from "@/lib/channels/change";
import { environmentKind } from "@/lib/channels/environment";
import { channelParams, channelPatch } from "@/lib/channels/schemas";
import { getSecretBox } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { ConflictError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

function refuseEnvironment(id: string): void {
  const kind = environmentKind(id);
  if (kind) throw new ConflictError(`The ${kind} channel from the environment is read-only: change its variables and restart`);
}

export const PATCH = route({ role: "ADMIN", params: channelParams, body: channelPatch }, async ({ params, body, principal }) => {
  refuseEnvironment(params.id);
  return channelRowJson(await updateChannel(getDb(), params.id, body, principal, getSecretBox()));
});

export const DELETE = route({ role: "ADMIN", params: channelParams }, async ({ params, principal }) => {
  refuseEnvironment(params.id);
  return channelRowJson(await deleteChannel(getDb(), params.id, principal));
});
