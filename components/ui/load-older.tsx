import { Button } from "./button";

interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Under a keyset-paged list: how many rows are shown, and a button for the next, older page. */
export function LoadOlder({ query, shown, label }: { query: PagedQuery; shown: string; label: string }) {
  return (
    <div className="flex items-center justify-between gap-3 text-sm text-slate-500">
      <span>
        {shown} shown{query.hasNextPage ? "; older ones on the next page" : ""}
      </span>
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Loading…" : label}
        </Button>
      )}
    </div>
  );
}
