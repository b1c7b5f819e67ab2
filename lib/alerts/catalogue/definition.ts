import type { UnitId } from "./units";

// The shape of one rule's description in the catalogue.

export type Direction = "above" | "below";
export type SubjectKind = "none" | "instance" | "queue" | "service";
export type Dependency = "database" | "redis";

/** A setting of a rule beyond its levels (a minimum baseline, a maximum wait), defaulted by the environment. */
export interface ParameterDefinition {
  label: string;
  unit: UnitId;
  default: number;
  variable: string;
  min: number;
  max: number;
  /** What the environment variable sets, as .env.example explains it. */
  meaning: string;
}

export interface RuleDefinition {
  title: string;
  /** What is measured and over which window, as a table heading reads it. */
  measures: string;
  window: string;
  unit: UnitId;
  /** Fires when the value is above (or below) a level. */
  direction: Direction;
  /** Fires once the value reaches the level, not only beyond it ("3 failed probes in a row"). */
  firesAtLevel?: boolean;
  /** Default levels; a null warning means the rule is always CRITICAL. */
  defaults: { warning: number | null; critical: number };
  /** The environment variable of the warning level; the critical one is the same name + _CRITICAL. Null: not set from the environment. */
  variable: string | null;
  /** Whether the value is a rate that needs MONITORING_MIN_SAMPLES samples before it may fire. */
  usesMinSamples: boolean;
  subject: SubjectKind;
  /** What the rule cannot be judged without: while the dependency's outage alert fires, this rule's notices are held back. */
  dependencies: readonly Dependency[];
  /** The dependency whose outage this rule's alert reports: it inhibits the rules that depend on it. */
  outageOf?: Dependency;
  description: string;
  runbook: string;
  /** Only judged during business hours; outside them it neither fires nor clears. */
  businessHours?: boolean;
  /** Tunable beyond the levels; per-subject overrides may change these too. */
  parameters?: Readonly<Record<string, ParameterDefinition>>;
}
