// Services and credentials of the end-to-end server. Defaults match this machine's services.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATABASE_NAME = `khaacho_e2e_${E2E_PORT}`;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const E2E_DATABASE_URL = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${E2E_DATABASE_NAME}` }).toString();
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? `${process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"}/14`;
export const ADMIN = { email: "admin@khaacho.test", password: "correct-horse-battery" };
export const VIEWER = { email: "viewer@khaacho.test", password: "viewer-password-123" };
/** The e2e server's order rule: more orders than this in an hour raise HIGH_ORDER_CREATION_RATE. */
export const E2E_ORDER_RATE_THRESHOLD = 5;
/** Where the e2e server posts its webhook notifications: a receiver the silences spec starts. Far from the other suites' ports. */
export const E2E_WEBHOOK_PORT = E2E_PORT + 10_000;
/** The e2e server's SMTP server: a capture the acknowledge-link spec starts. */
export const E2E_SMTP_PORT = E2E_PORT + 10_001;
