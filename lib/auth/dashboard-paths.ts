export const DASHBOARD_PATH = "/admin";
export const LOGIN_PATH = "/admin/login";
export const SETUP_PATH = "/admin/setup";

/**
 * Where to go after signing in: a dashboard path from `callbackUrl` (absolute or relative), else
 * the overview. Anything off the dashboard is ignored, so the login page cannot be used to bounce
 * a user to another site.
 */
export function safeCallbackPath(callbackUrl: string | undefined | null): string {
  if (!callbackUrl) return DASHBOARD_PATH;
  try {
    const url = new URL(callbackUrl, "http://placeholder.invalid");
    const onDashboard = url.pathname === DASHBOARD_PATH || url.pathname.startsWith(`${DASHBOARD_PATH}/`);
    return onDashboard && !url.pathname.startsWith(LOGIN_PATH) ? url.pathname + url.search : DASHBOARD_PATH;
  } catch {
    return DASHBOARD_PATH;
  }
}
