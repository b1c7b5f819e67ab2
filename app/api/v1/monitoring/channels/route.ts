import { channelRowJson } from "@/lib/channels/channel-json";
import { createChannel } from "@/lib/channels/change";
import { listChannels } from "@/lib/channels/list";
import { channelBody } from "@/lib/channels/schemas";
import { getConfig } from "@/lib/config";
import { getSecretBox } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, async () => ({ channels: await listChannels(getDb(), getConfig()) }));

export const POST = route({ role: "ADMIN", body: channelBody }, async ({ body, principal }) =>
  Response.json(channelRowJson(await createChannel(getDb(), body, principal, getSecretBox())), { status: 201 }),
);
