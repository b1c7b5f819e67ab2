import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { testNotificationBody } from "@/lib/notify/schemas";
import { sendTestNotification } from "@/lib/notify/test-notification";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", body: testNotificationBody }, async ({ body }) => sendTestNotification(getDb(), body.channel));
