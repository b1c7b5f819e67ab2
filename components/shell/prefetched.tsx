import { dehydrate, HydrationBoundary, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { makeQueryClient } from "@/lib/client-data/query-client";

/** Renders `children` with the client cache seeded by `prefetch` (see lib/prefetch/server-prefetch.ts). */
export async function Prefetched({ prefetch, children }: { prefetch: (client: QueryClient) => Promise<unknown>; children: ReactNode }) {
  const client = makeQueryClient();
  await prefetch(client);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
