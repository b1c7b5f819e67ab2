import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getNotificationsOverview } from "@/lib/notify/overview";
import { deliveriesQuery } from "@/lib/notify/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: deliveriesQuery }, ({ query }) => getNotificationsOverview(getDb(), query));
