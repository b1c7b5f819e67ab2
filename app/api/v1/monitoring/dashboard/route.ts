import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getDashboard } from "@/lib/monitoring/dashboard";
import { dashboardQuery } from "@/lib/monitoring/ranges";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: dashboardQuery }, ({ query }) => getDashboard(getDb(), query.range));
