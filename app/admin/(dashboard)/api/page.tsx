import type { Metadata } from "next";
import { API_CATALOGUE } from "@/app/api/catalogue";
import { ApiReference } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/shell/app-shell";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { referenceOperations } from "@/lib/openapi/reference";

export const metadata: Metadata = { title: "API · Khaacho Monitor" };

export default function ApiReferencePage() {
  return (
    <>
      <PageHeader title="API reference" description="Every route of the REST API, from the same schemas the server validates requests with." />
      <ApiReference operations={referenceOperations(buildOpenApiDocument(API_CATALOGUE, "v1"))} />
    </>
  );
}
