// The Prometheus text exposition format (version 0.0.4): HELP and TYPE lines, then samples.

export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface HistogramSample {
  labels?: Labels;
  /** Cumulative counts per upper bound (seconds), the last bound being +Inf. */
  buckets: Array<{ le: number; count: number }>;
  sum: number;
  count: number;
}

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const escapeHelp = (value: string) => value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function line(name: string, labels: Labels | undefined, value: number): string {
  const pairs = Object.entries(labels ?? {}).map(([key, labelValue]) => `${key}="${escapeLabel(labelValue)}"`);
  return `${name}${pairs.length ? `{${pairs.join(",")}}` : ""} ${formatNumber(value)}`;
}

function header(name: string, type: "counter" | "gauge" | "histogram", help: string): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`];
}

export function counterFamily(name: string, help: string, samples: Sample[]): string[] {
  return [...header(name, "counter", help), ...samples.map((sample) => line(name, sample.labels, sample.value))];
}

export function gaugeFamily(name: string, help: string, samples: Sample[]): string[] {
  return [...header(name, "gauge", help), ...samples.map((sample) => line(name, sample.labels, sample.value))];
}

export function histogramFamily(name: string, help: string, samples: HistogramSample[]): string[] {
  const lines = header(name, "histogram", help);
  for (const sample of samples) {
    for (const bucket of sample.buckets) lines.push(line(`${name}_bucket`, { ...sample.labels, le: formatNumber(bucket.le) }, bucket.count));
    lines.push(line(`${name}_sum`, sample.labels, sample.sum), line(`${name}_count`, sample.labels, sample.count));
  }
  return lines;
}
