import { route } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { API_CATALOGUE } from "../../catalogue";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => buildOpenApiDocument(API_CATALOGUE, "v1"));
