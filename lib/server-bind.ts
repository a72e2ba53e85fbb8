import { subscribe } from "node:diagnostics_channel";
import { Server as HttpServer, type IncomingMessage } from "node:http";
import { Server as HttpsServer } from "node:https";
import type { Socket } from "node:net";
import { isLoopbackAddress, LOCAL_ADDRESS_HEADER, localAddressToken } from "@/lib/auth/host-pin";

// Demo mode serves everyone as the admin, so it must only be reachable from this machine, however the
// server was started (npm start, npm run demo, `next start`, the image's server.js). Next.js does not tell
// instrumentation where it listens, so this reads the process's listening HTTP servers, and stamps every
// request with the local address it arrived on for proxy.ts to check (lib/auth/host-pin.ts).

// Shared through globalThis: instrumentation and the app are separate bundles of one process.
const shared = globalThis as unknown as { tenfoldListening?: string[]; tenfoldStamping?: boolean };

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

/** From now on every request carries the local address it arrived on; a client's own value is overwritten. */
export function stampLocalAddress(): void {
  if (shared.tenfoldStamping) return;
  shared.tenfoldStamping = true;
  // Published by Node before the server's "request" listeners run.
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const local = `${localAddressToken()} ${socket.localAddress ?? ""}`;
    request.headers[LOCAL_ADDRESS_HEADER] = local;
    for (let index = 0; index < request.rawHeaders.length; index += 2) {
      if (request.rawHeaders[index]?.toLowerCase() === LOCAL_ADDRESS_HEADER) request.rawHeaders[index + 1] = local;
    }
  });
}

/** Demo mode at start-up: stamps requests, records where the server listens, and says why to stop if beyond loopback. */
export function demoBindProblem(): string | null {
  stampLocalAddress();
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
