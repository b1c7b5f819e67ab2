import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { fmt, medianOfRuns, ratio } from "./stats";

const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL_PAIR = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** A prom-client registry holding the same families and series as `text` (our exposition). */
export function registryLike(text: string): { registry: Registry; series: number } {
  const registry = new Registry();
  const types = new Map<string, string>();
  const helps = new Map<string, string>();
  const samples = new Map<string, Array<{ labels: Record<string, string>; value: number }>>();
  let series = 0;
  for (const line of text.split("\n")) {
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) (meta[1] === "HELP" ? helps : types).set(meta[2], meta[3]);
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) continue;
    series++;
    const labels = Object.fromEntries([...(sample[2] ?? "").matchAll(LABEL_PAIR)].map((m) => [m[1], m[2]]));
    samples.set(sample[1], [...(samples.get(sample[1]) ?? []), { labels, value: Number(sample[3]) }]);
  }
  for (const [name, type] of types) {
    const help = helps.get(name) ?? name;
    if (type === "histogram") {
      const buckets = (samples.get(`${name}_bucket`) ?? []).map((s) => Number(s.labels.le)).filter(Number.isFinite);
      const histogram = new Histogram({ name, help, buckets: [...new Set(buckets)], registers: [registry] });
      histogram.observe(0.01);
      continue;
    }
    const own = samples.get(name) ?? [];
    const labelNames = [...new Set(own.flatMap((s) => Object.keys(s.labels)))];
    if (type === "counter") {
      const counter = new Counter({ name: name.replace(/_total$/, ""), help, labelNames, registers: [registry] });
      for (const s of own) counter.inc(s.labels, s.value);
    } else {
      const gauge = new Gauge({ name, help, labelNames, registers: [registry] });
      for (const s of own) gauge.set(s.labels, s.value);
    }
  }
  return { registry, series };
}

function microsPerCall(calls: number, op: () => Promise<unknown>): Promise<number> {
  return (async () => {
    for (let i = 0; i < 50; i++) await op();
    const started = performance.now();
    for (let i = 0; i < calls; i++) await op();
    return ((performance.now() - started) / calls) * 1000;
  })();
}

/** GET /prometheus's render next to prom-client's register.metrics() for the same series. */
export async function benchPrometheus(): Promise<void> {
  const { getDb } = await import("../../lib/db/client");
  const { getPrometheusMetrics } = await import("../../lib/monitoring/prometheus");
  const { registry, series } = registryLike(await getPrometheusMetrics(getDb()));
  const figures = await medianOfRuns(async () => ({
    prom: await microsPerCall(500, () => registry.metrics()),
    ours: await microsPerCall(500, () => getPrometheusMetrics(getDb())),
  }));
  console.log(`\n/prometheus render, ${series} series (median of 3 runs of 500 renders)`);
  console.log(`  ours: ${fmt(figures.ours / 1000, 3)} ms; prom-client register.metrics(): ${fmt(figures.prom / 1000, 3)} ms  -> ${ratio(figures.ours, figures.prom)} (target <= 2x)`);
}
