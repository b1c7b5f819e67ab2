/** The leaves of `after` whose values differ from `before`, by dotted path. */
export function changedLeaves(before: unknown, after: unknown, path = ""): Record<string, unknown> {
  if (after !== null && typeof after === "object") {
    const changes: Record<string, unknown> = {};
    const previous = (before ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(after)) Object.assign(changes, changedLeaves(previous[key], value, path ? `${path}.${key}` : key));
    return changes;
  }
  return Object.is(before, after) ? {} : { [path]: after };
}
