import { businessHoursBody, readBusinessHours, updateBusinessHours } from "@/lib/business-hours/settings";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, async () => ({ businessHours: await readBusinessHours(getDb()) }));

export const PUT = route({ role: "ADMIN", body: businessHoursBody }, async ({ body, principal }) => ({
  businessHours: await updateBusinessHours(getDb(), body.hours, principal),
}));
