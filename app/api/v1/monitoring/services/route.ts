import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { listServices } from "@/lib/services/services";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, async () => ({ services: await listServices(getDb()) }));
