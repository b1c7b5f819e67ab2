// Typed readers for the dashboard's URL state (filters, ranges): the server page and the client
// components parse the same query string the same way, and unknown values fall back to defaults.

export type SearchParamsRecord = Record<string, string | string[] | undefined>;
export type SearchParamsLike = URLSearchParams | SearchParamsRecord;

export function readParam(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The value when it is one of `allowed`, else undefined. */
export function oneOf<const T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

/** A copy of `current` with `changes` applied; undefined or "" removes a parameter. */
export function withParams(current: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}
