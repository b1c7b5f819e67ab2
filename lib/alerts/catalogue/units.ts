// How a rule's value reads wherever it is shown: dashboard, notices and the API's `unit`.

const counts = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export type UnitId = "ordersPerHour" | "percent" | "milliseconds" | "failedProbes" | "minutes" | "jobs";

export interface Unit {
  id: UnitId;
  /** What the API reports as `unit` and what follows a figure. */
  symbol: string;
  /** Whether a level must be a whole number. */
  whole: boolean;
  /** Highest level a rule in this unit may have (percentages stop at 100). */
  max: number;
  /** The suffix of a threshold inside an alert's sentence, where the sentence already names counted things. */
  inSentence: string;
  format(value: number): string;
}

export const UNITS: Record<UnitId, Unit> = {
  ordersPerHour: { id: "ordersPerHour", symbol: "orders/h", whole: false, max: 1_000_000_000, inSentence: "", format: (value) => `${counts.format(value)} orders/h` },
  percent: { id: "percent", symbol: "%", whole: false, max: 100, inSentence: "%", format: (value) => `${decimals.format(value)}%` },
  milliseconds: { id: "milliseconds", symbol: "ms", whole: false, max: 3_600_000, inSentence: " ms", format: (value) => `${decimals.format(value)} ms` },
  failedProbes: { id: "failedProbes", symbol: "failed probes", whole: true, max: 1000, inSentence: "", format: (value) => `${counts.format(value)} failed ${value === 1 ? "probe" : "probes"}` },
  minutes: { id: "minutes", symbol: "min", whole: false, max: 10_080, inSentence: " min", format: (value) => `${decimals.format(value)} min` },
  jobs: { id: "jobs", symbol: "jobs", whole: true, max: 100_000_000, inSentence: " jobs", format: (value) => `${counts.format(value)} ${value === 1 ? "job" : "jobs"}` },
};
