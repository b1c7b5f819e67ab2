import { channelParams } from "@/lib/channels/schemas";
import { sendChannelTest } from "@/lib/channels/test-channel";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Sends a test message on the channel now; answers the delivery's id, status and any error. */
export const POST = route({ role: "ADMIN", params: channelParams }, async ({ params }) => sendChannelTest(getDb(), params.id));
