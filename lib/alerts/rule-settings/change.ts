import { recordAudit } from "../../audit/record";
import type { Principal } from "../../auth/roles";
import { getConfig } from "../../config";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import type { RuleType } from "../catalogue";
import { type EffectiveRule, type SettingField, effectiveRule } from "./effective";
import { type RulePatch, checkRulePatch, patchedSettings } from "./patch";

/** Serialises changes to one rule, so two concurrent edits cannot leave critical below warning. */
async function lockRule(tx: Prisma.TransactionClient, type: RuleType): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alert_rules:${type}`}))`;
}

function changedFields(patch: RulePatch): SettingField[] {
  return Object.keys(patch) as SettingField[];
}

function fieldsOf(rule: EffectiveRule, fields: SettingField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, rule[field]]));
}

/** Applies an operator's change to a rule, with its rule.update audit row, in one transaction; answers the rule as it now is. */
export async function updateRule(db: Db, type: RuleType, patch: RulePatch, principal: Principal): Promise<EffectiveRule> {
  const config = getConfig();
  return db.$transaction(async (tx) => {
    await lockRule(tx, type);
    const before = effectiveRule(type, config, (await tx.alertRule.findUnique({ where: { type } })) ?? undefined);
    checkRulePatch(type, patch, patchedSettings(before, effectiveRule(type, config), patch));
    const row = await tx.alertRule.upsert({
      where: { type },
      create: { type, ...patch, updatedBy: principal.name },
      update: { ...patch, updatedBy: principal.name, updatedAt: new Date() },
    });
    const after = effectiveRule(type, config, row);
    const fields = changedFields(patch);
    await recordAudit(tx, { actor: principal.name, action: "rule.update", target: type, before: fieldsOf(before, fields), after: fieldsOf(after, fields) });
    return after;
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
    const fields = (Object.keys(before.source) as SettingField[]).filter((field) => before.source[field] === "override");
    await recordAudit(tx, { actor: principal.name, action: "rule.reset", target: type, before: fieldsOf(before, fields), after: fieldsOf(environment, fields) });
    return environment;
  });
}
