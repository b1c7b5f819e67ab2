// Next.js calls register() once per server process. Background work runs in the Node.js runtime
// only, never in the edge runtime or during the build.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("./lib/runtime/server");
  await startServerRuntime();
}
