import { raiseTestAlert } from "@/lib/alerts/lifecycle";
import { alertWithHoldJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** 201 with the TEST alert; 409 while an earlier one is still open. */
export const POST = route({ role: "ADMIN" }, async ({ principal }) => Response.json(await alertWithHoldJson(getDb(), await raiseTestAlert(getDb(), principal)), { status: 201 }));
