import { randomBytes } from "node:crypto";

export { TEST_REDIS_URL } from "./env";

/**
 * A key prefix of its own for one test, so tests (and parallel test runs) sharing one Redis never
 * see each other's keys. Every Redis-backed module takes its key prefix as an option.
 */
export function uniqueRedisPrefix(): string {
  return `test:${randomBytes(4).toString("hex")}:`;
}

/** A port on 127.0.0.1 where nothing listens, to play an unreachable service. */
export const CLOSED_PORT = 1;
