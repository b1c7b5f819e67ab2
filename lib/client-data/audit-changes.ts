/** One line of an audit entry's change: a field and its value before and after, as text. */
export interface AuditChange {
  field: string;
  before?: string;
  after?: string;
}

function asText(value: unknown): string {
  if (value === null) return "none";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function fields(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/** The fields an entry's before/after differ in, in the order they first appear; unchanged fields are left out. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = fields(before);
  const is = fields(after);
  const names = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return names
    .filter((name) => !(name in was && name in is) || JSON.stringify(was[name]) !== JSON.stringify(is[name]))
    .map((name) => ({ field: name, ...(name in was && { before: asText(was[name]) }), ...(name in is && { after: asText(is[name]) }) }));
}
