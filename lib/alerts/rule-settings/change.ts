import { recordAudit } from "../../audit/record";
import type { Principal } from "../../auth/roles";
import { getConfig } from "../../config";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import type { RuleType } from "../catalogue";
import type { SettingField } from "../../shared/rule-settings";
import { type EffectiveRule, effectiveRule } from "./effective";
import { checkParameterPatch, patchedParameters } from "./parameter-patch";
import { type RulePatch, checkRulePatch, patchedSettings } from "./patch";

function isObject(value: unknown): value is object {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/** Serialises changes to one rule, so two concurrent edits cannot leave critical below warning. */
async function lockRule(tx: Prisma.TransactionClient, type: RuleType): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alert_rules:${type}`}))`;
}

type AuditedField = SettingField | "parameters" | "subjects";

function changedFields(patch: RulePatch): AuditedField[] {
  return Object.keys(patch) as AuditedField[];
}

function fieldsOf(rule: EffectiveRule, fields: AuditedField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, rule[field]]));
}

/** Applies an operator's change to a rule, with its rule.update audit row, in one transaction; answers the rule as it now is. */
export async function updateRule(db: Db, type: RuleType, patch: RulePatch, principal: Principal): Promise<EffectiveRule> {
  const config = getConfig();
  return db.$transaction(async (tx) => {
    await lockRule(tx, type);
    const stored = await tx.alertRule.findUnique({ where: { type } });
    const before = effectiveRule(type, config, stored ?? undefined);
    const after = patchedSettings(before, effectiveRule(type, config), patch);
    checkParameterPatch(type, patch.parameters, patch.subjects, Object.keys(after.subjects).length, config.monitoring.queues);
    checkRulePatch(type, patch, after);
    const { parameters, subjects, ...fields } = patch;
    const data = {
      ...fields,
      ...(parameters && { parameters: patchedParameters(isObject(stored?.parameters) ? (stored.parameters as Record<string, number>) : {}, parameters) }),
      ...(subjects && { subjectOverrides: after.subjects }),
    };
    const row = await tx.alertRule.upsert({
      where: { type },
      create: { type, ...data, updatedBy: principal.name },
      update: { ...data, updatedBy: principal.name, updatedAt: new Date() },
    });
    const now = effectiveRule(type, config, row);
    const changed = changedFields(patch);
    await recordAudit(tx, { actor: principal.name, action: "rule.update", target: type, before: fieldsOf(before, changed), after: fieldsOf(now, changed) });
    return now;
  });
}

/** Drops every override of a rule, back to the environment's values, with a rule.reset audit row; nothing to reset records nothing. */
export async function resetRule(db: Db, type: RuleType, principal: Principal): Promise<EffectiveRule> {
  const config = getConfig();
  return db.$transaction(async (tx) => {
    await lockRule(tx, type);
    const row = await tx.alertRule.findUnique({ where: { type } });
    const environment = effectiveRule(type, config);
    if (!row) return environment;
    await tx.alertRule.delete({ where: { type } });
    const before = effectiveRule(type, config, row);
    const fields: AuditedField[] = (Object.keys(before.source) as SettingField[]).filter((field) => before.source[field] === "override");
    if (Object.values(before.parameterSources).includes("override")) fields.push("parameters");
    if (Object.keys(before.subjects).length) fields.push("subjects");
    await recordAudit(tx, { actor: principal.name, action: "rule.reset", target: type, before: fieldsOf(before, fields), after: fieldsOf(environment, fields) });
    return environment;
  });
}
