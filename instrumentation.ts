// Next.js calls register() once per server process, before the first request is handled.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: every request from now on carries its socket's remote address (the audit log) and local address
    // (demo mode answers loopback arrivals only), signed by this process (lib/auth/peer.ts).
    const { installPeerStamp } = await import("./lib/auth/peer");
    installPeerStamp();
    const { startServerRuntime } = await import("./lib/server-startup");
    await startServerRuntime();
  }
}
