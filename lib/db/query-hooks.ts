import { createHook } from "../runtime/hook";

export interface CompletedQuery {
  durationMs: number;
}

const queries = createHook<CompletedQuery>("queryListeners");

/** Lets the metrics layer time every query without the database layer knowing it. */
export const onQueryCompleted = queries.on;

export const reportQueryCompleted = queries.report;
