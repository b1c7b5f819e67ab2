// Which alerts a silence or maintenance window covers. No server-only import: the dashboard
// previews a silence's matches with the same function.

export interface SilenceMatchers {
  types: readonly string[];
  severities: readonly string[];
  subjects: readonly string[];
}

export interface MatchableAlert {
  type: string;
  severity: string;
  subject: string | null;
}

/** An empty list matches any value; an alert without a subject never matches a list of subjects. */
export function matchesAlert(matchers: SilenceMatchers, alert: MatchableAlert): boolean {
  const anyOf = (list: readonly string[], value: string | null) => list.length === 0 || (value !== null && list.includes(value));
  return anyOf(matchers.types, alert.type) && anyOf(matchers.severities, alert.severity) && anyOf(matchers.subjects, alert.subject);
}
