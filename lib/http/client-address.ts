/**
 * The caller's address, for rate limiting. The right-most X-Forwarded-For entry is the one the
 * nearest proxy saw (Next.js itself fills the header with the socket address when it is absent);
 * entries to its left are whatever the client claimed.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? null;
}
