import type { Metadata } from "next";
import Link from "next/link";
import { AlertDetailView } from "@/components/alerts/alert-detail-view";
import { Prefetched } from "@/components/shell/prefetched";
import { prefetchAlertDetail } from "@/lib/prefetch/server-prefetch";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Alert · Khaacho Monitor" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <Link href="/admin/alerts" className="text-sm text-slate-500 hover:text-slate-800">
        ← All alerts
      </Link>
      <Prefetched prefetch={(client) => prefetchAlertDetail(getDb(), client, id)}>
        <AlertDetailView id={id} />
      </Prefetched>
    </>
  );
}
