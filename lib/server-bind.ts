import { Server as HttpServer } from "node:http";
import { Server as HttpsServer } from "node:https";
import { isLoopbackAddress } from "@/lib/auth/host-pin";

// Demo mode serves everyone as the admin, so it must only be reachable from this machine, however the
// server was started (npm start, npm run demo, `next start`, the image's server.js). Next.js does not tell
// instrumentation where it listens, so this reads the process's listening HTTP servers; each request also
// carries the local address it arrived on (lib/auth/peer.ts, installed first by instrumentation.ts), which
// proxy.ts checks (lib/auth/host-pin.ts).

// Shared through globalThis: instrumentation and the app are separate bundles of one process.
const shared = globalThis as unknown as { tenfoldListening?: string[] };

/** The addresses this process's HTTP servers listen on ("::" or "0.0.0.0" for every interface). */
export function listeningAddresses(): string[] {
  // Undocumented but long-standing; without it the per-request stamp is the only guard.
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.flatMap((handle) => {
    if (!(handle instanceof HttpServer || handle instanceof HttpsServer) || !handle.listening) return [];
    const address = handle.address();
    return address && typeof address === "object" ? [address.address] : [];
  });
}

/** Demo mode at start-up: records where the server listens, and says why to stop if beyond loopback. */
export function demoBindProblem(): string | null {
  const addresses = listeningAddresses();
  shared.tenfoldListening = addresses;
  const exposed = addresses.filter((address) => !isLoopbackAddress(address));
  if (exposed.length === 0) return null;
  const shown = exposed.map((address) => (address.includes(":") ? `[${address}]` : address));
  return `demo mode must listen on loopback only, but this server listens on ${shown.join(", ")}: start it with npm run demo, or next start --hostname 127.0.0.1 (HOSTNAME=127.0.0.1 for the standalone server.js).`;
}

/** Where this process's web server listens, as read at start-up (empty when it could not be read). */
export function boundAddresses(): string[] {
  return shared.tenfoldListening ?? [];
}
