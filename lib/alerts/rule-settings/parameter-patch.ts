import { z } from "zod";
import { BadRequestError } from "../../http/errors";
import { SERVICE_NAME } from "../../platform-client/events";
import { RULE_CATALOGUE, type RuleType, UNITS } from "../catalogue";
import { type SubjectOverrides, parameterDefinitions } from "./parameters";

export const MAX_SUBJECT_OVERRIDES = 100;

const PARAMETER_NAME = /^[a-zA-Z]{1,40}$/;
const value = z.number({ error: "expected a number" }).finite("expected a finite number").nullable();

/** `parameters` of a PATCH body: a value per parameter, null to fall back to the environment. */
export const parametersPatch = z.record(z.string().regex(PARAMETER_NAME, "expected a parameter name"), value);

/** `subjects` of a PATCH body: per subject, levels and parameters (null drops one), or null to drop the subject's overrides. */
export const subjectsPatch = z
  .record(z.string().min(1).max(100), z.record(z.string().regex(PARAMETER_NAME, "expected warning, critical or a parameter name"), value).nullable())
  .refine((subjects) => Object.keys(subjects).length <= MAX_SUBJECT_OVERRIDES, { error: `at most ${MAX_SUBJECT_OVERRIDES} subjects` });

export type ParametersPatch = z.output<typeof parametersPatch>;
export type SubjectsPatch = z.output<typeof subjectsPatch>;

function invalid(field: string, why: string): BadRequestError {
  return new BadRequestError(`Invalid body field ${field}: ${why}`, "validation_error");
}

/** Parameters after a patch: a null value removes the operator's value, back to `fallback`'s if given. */
export function patchedParameters(current: Record<string, number>, patch: ParametersPatch | undefined, fallback: Record<string, number> = {}): Record<string, number> {
  if (!patch) return current;
  const next = { ...current };
  for (const [name, given] of Object.entries(patch)) {
    if (given !== null) next[name] = given;
    else if (fallback[name] !== undefined) next[name] = fallback[name];
    else delete next[name];
  }
  return next;
}

/** Stored subject overrides after a patch. */
export function patchedSubjects(stored: SubjectOverrides, patch: SubjectsPatch | undefined): SubjectOverrides {
  if (!patch) return stored;
  const next = { ...stored };
  for (const [subject, fields] of Object.entries(patch)) {
    const merged = fields === null ? {} : patchedParameters(next[subject] ?? {}, fields);
    if (Object.keys(merged).length) next[subject] = merged;
    else delete next[subject];
  }
  return next;
}

/** Checks parameter values against their definitions, and subject overrides against the rule's subjects. */
export function checkParameterPatch(type: RuleType, parameters: ParametersPatch | undefined, subjects: SubjectsPatch | undefined, subjectCount: number, knownQueues: readonly string[]): void {
  const definitions = parameterDefinitions(type);
  const checkValue = (field: string, name: string, given: number) => {
    const definition = definitions[name];
    if (!definition) throw invalid(field, `${type} has no parameter ${name}${Object.keys(definitions).length ? `: it has ${Object.keys(definitions).join(", ")}` : ""}`);
    if (given < definition.min || given > definition.max) throw invalid(field, `expected ${definition.label.toLowerCase()} from ${definition.min} to ${definition.max} ${UNITS[definition.unit].symbol}`);
  };
  for (const [name, given] of Object.entries(parameters ?? {})) if (given !== null) checkValue(`parameters.${name}`, name, given);
  if (!subjects) return;
  const kind = RULE_CATALOGUE[type].subject;
  if (kind !== "queue" && kind !== "service" && kind !== "instance") throw invalid("subjects", `${type} has no subjects`);
  if (subjectCount > MAX_SUBJECT_OVERRIDES) throw invalid("subjects", `at most ${MAX_SUBJECT_OVERRIDES} subjects may have overrides`);
  for (const [subject, fields] of Object.entries(subjects)) {
    if (kind === "queue" && !knownQueues.includes(subject)) throw invalid(`subjects.${subject.slice(0, 100)}`, "not an observed queue (MONITORING_QUEUES)");
    if (kind !== "queue" && !SERVICE_NAME.test(subject)) throw invalid(`subjects.${subject.slice(0, 100)}`, "expected a name of lower-case letters, digits, . _ or -");
    for (const [name, given] of Object.entries(fields ?? {})) {
      if (given === null || name === "warning" || name === "critical") continue;
      checkValue(`subjects.${subject}.${name}`, name, given);
    }
  }
}
