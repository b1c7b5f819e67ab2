import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { listDeliveries } from "@/lib/notify/deliveries";
import { getChannelsOverview } from "@/lib/notify/overview";
import { deliveriesQuery } from "@/lib/notify/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: deliveriesQuery }, async ({ query }) => {
  const [channels, deliveries] = await Promise.all([getChannelsOverview(), listDeliveries(getDb(), query)]);
  return { channels, deliveries };
});
