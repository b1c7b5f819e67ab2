import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { retireService, serviceParams } from "@/lib/services/services";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: serviceParams }, async ({ params, principal }) => ({ service: await retireService(getDb(), params.name, principal) }));
