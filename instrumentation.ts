// Next.js calls register() once per server process, before the first request is handled.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerRuntime } = await import("./lib/server-startup");
    await startServerRuntime();
  }
}
