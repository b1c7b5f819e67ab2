export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; each later wait doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BASE_DELAY_MS = 5000;
export const DEFAULT_MAX_DELAY_MS = 15 * 60_000;

/** Wait after the given number of failed attempts (1 → base, 2 → 2 × base, …). */
export function retryDelayMs(failedAttempts: number, { baseDelayMs, maxDelayMs }: RetryPolicy): number {
  return Math.min(baseDelayMs * 2 ** (failedAttempts - 1), maxDelayMs);
}
