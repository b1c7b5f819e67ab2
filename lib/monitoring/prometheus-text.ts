// The Prometheus text exposition format (version 0.0.4). A scrape renders about a hundred series
// many times a minute: headers and label strings are built once and reused, never per render.

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const escapeHelp = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

export interface MetricFamily {
  name: string;
  /** The HELP and TYPE lines, newline-terminated. */
  header: string;
}

export function metricFamily(name: string, type: "counter" | "gauge" | "histogram", help: string): MetricFamily {
  return { name, header: `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n` };
}

// Label values come from recorded figures (queues, routes, instances); past this many distinct
// sets a cache starts again rather than grow without bound.
const MAX_LABEL_SETS = 10_000;

/** Renders `{a="…",b="…"}` for the given label names, remembering each distinct set of values. */
export function labelSet(names: readonly string[]): (...values: string[]) => string {
  const cache = new Map<string, string>();
  return (...values) => {
    const key = values.length === 1 ? values[0] : values.join("\u0000");
    let text = cache.get(key);
    if (text === undefined) {
      text = `{${names.map((name, i) => `${name}="${escapeLabel(values[i])}"`).join(",")}}`;
      if (cache.size >= MAX_LABEL_SETS) cache.clear();
      cache.set(key, text);
    }
    return text;
  };
}

/** One sample line; `labels` is "" or a rendered label set. */
export function sample(family: MetricFamily, labels: string, value: number): string {
  return `${family.name}${labels} ${formatNumber(value)}\n`;
}

/** The `_bucket{le=…} ` prefixes, `_sum ` and `_count ` of a histogram without labels. */
export function histogramLines(family: MetricFamily, bounds: readonly number[]) {
  return {
    family,
    buckets: [...bounds, Infinity].map((bound) => `${family.name}_bucket{le="${formatNumber(bound)}"} `),
    sum: `${family.name}_sum `,
    count: `${family.name}_count `,
  };
}

export type HistogramLines = ReturnType<typeof histogramLines>;

/** Renders a histogram from per-bucket (not cumulative) counts, the last being +Inf's. */
export function histogram(lines: HistogramLines, counts: readonly number[], sum: number): string {
  let text = lines.family.header;
  let cumulative = 0;
  for (let i = 0; i < lines.buckets.length; i++) {
    cumulative += counts[i] ?? 0;
    text += `${lines.buckets[i]}${cumulative}\n`;
  }
  return `${text}${lines.sum}${formatNumber(sum)}\n${lines.count}${cumulative}\n`;
}
