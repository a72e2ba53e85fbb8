// Next.js calls register() once per server process, before the first request is handled.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: every request from now on carries its socket address for the audit log (lib/auth/peer.ts).
    const { installPeerStamp } = await import("./lib/auth/peer");
    installPeerStamp();
    const { startServerRuntime } = await import("./lib/server-startup");
    await startServerRuntime();
  }
}
