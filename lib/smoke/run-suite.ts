import { SmokeApi, SmokeFailure } from "./api";
import { SMOKE_CHECKS, type SmokeCheck } from "./checks";

const RULE = "=".repeat(60);
// The report's header, to the character: operators' runbooks quote it.
const HEADER = [
  "╔════════════════════════════════════════════════════════════╗",
  "║     MONITORING AND ALERTING SYSTEM TEST SUITE             ║",
  "╚════════════════════════════════════════════════════════════╝",
];

export interface SmokeSettings {
  baseUrl: string;
  token: string | undefined;
}

/** BASE_URL (default http://localhost:3000) and ADMIN_TOKEN, from the environment given. */
export function smokeSettings(env: Record<string, string | undefined>): SmokeSettings {
  return { baseUrl: (env.BASE_URL || "http://localhost:3000").replace(/\/$/, ""), token: env.ADMIN_TOKEN || undefined };
}

/** Runs the seven tests against a running server, printing the operators' report; returns the exit code. */
export async function runSmokeSuite(settings: SmokeSettings, print: (line: string) => void, checks: readonly SmokeCheck[] = SMOKE_CHECKS): Promise<number> {
  if (!settings.token) {
    print("ADMIN_TOKEN is not set. Create a token and export it, e.g.:");
    print("  export ADMIN_TOKEN=$(npm run --silent token:create -- --name test-monitoring --role ADMIN | tail -n 1)");
    return 2;
  }
  const api = new SmokeApi(settings.baseUrl, settings.token);
  for (const line of HEADER) print(line);

  let passed = 0;
  for (const [index, check] of checks.entries()) {
    section(print, `TEST ${index + 1}: ${check.name}`);
    try {
      for (const line of await check.run(api)) print(line);
      passed++;
    } catch (error) {
      print(`✗ ${check.name} failed: ${error instanceof SmokeFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  section(print, "TEST SUMMARY");
  print(`Total Tests: ${checks.length}`);
  print(`Passed: ${passed}`);
  if (passed < checks.length) print(`Failed: ${checks.length - passed}`);
  print(`Success Rate: ${((passed / checks.length) * 100).toFixed(1)}%`);
  print("");
  if (passed === checks.length) {
    print("✓ All tests passed! Monitoring system is working correctly.");
    return 0;
  }
  print(`✗ ${checks.length - passed} test(s) failed. See the ✗ lines above.`);
  return 1;
}

function section(print: (line: string) => void, title: string): void {
  print("");
  print(RULE);
  print(title);
  print(RULE);
  print("");
}
