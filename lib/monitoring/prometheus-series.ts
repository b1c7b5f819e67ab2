import { UNMATCHED_ROUTE, isKnownRouteLabel, methodLabel } from "../http/route-templates";
import { type Fields, apiRequestField, parseApiRequestField, parseJobField } from "./fields";

// What a stored field stands for in the exposition, worked out once per distinct field: the
// fields repeat at every scrape, only their values change.

interface SeriesOf {
  /** Fields that go out as one series share a key (and its labels); output is ordered by key. */
  key: string;
  labels: string;
}

type Classify = (field: string) => SeriesOf | null;

const MAX_FIELDS = 10_000;

function remembered(classify: Classify): Classify {
  const cache = new Map<string, SeriesOf | null>();
  return (field) => {
    let series = cache.get(field);
    if (series === undefined) {
      series = classify(field);
      if (cache.size >= MAX_FIELDS) cache.clear();
      cache.set(field, series);
    }
    return series;
  };
}

/** Adds up the fields that `classify` maps to a series; returns them ordered by key. */
export function seriesOf(fields: Fields, classify: Classify): Array<{ labels: string; value: number }> {
  const merged = new Map<string, { labels: string; value: number }>();
  for (const [field, value] of fields) {
    const series = classify(field);
    if (!series) continue;
    const into = merged.get(series.key);
    if (into) into.value += value;
    else merged.set(series.key, { labels: series.labels, value });
  }
  return [...merged.keys()].sort().map((key) => merged.get(key)!);
}

/** Job counters by queue and outcome. */
export function jobSeries(labels: (queue: string, outcome: string) => string): Classify {
  return remembered((field) => {
    const job = parseJobField(field);
    return job ? { key: field, labels: labels(job.queue, job.outcome) } : null;
  });
}

/**
 * Every request, refused before its handler or not, under its labels. Totals written before route
 * labels were bounded may still hold raw paths: they go out as one label.
 */
export function requestSeries(labels: (route: string, method: string, status: string) => string): Classify {
  return remembered((field) => {
    const request = parseApiRequestField(field);
    if (!request) return null;
    const route = isKnownRouteLabel(request.route) ? request.route : UNMATCHED_ROUTE;
    const method = methodLabel(request.method);
    return { key: apiRequestField(route, method, request.status), labels: labels(route, method, String(request.status)) };
  });
}
