import type { IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";

// Route handlers see headers, never the socket (Next.js 16 has no request.ip, and it only fills
// X-Forwarded-For with the socket address when the client sent none). So the server process stamps
// every request with its socket address in PEER_HEADER, overwriting whatever the client sent, and
// signs the value with a per-process token: a client-supplied header (a request that arrived before
// the stamp was installed, or a server started without it) never passes for the socket address.

export const PEER_HEADER = "x-tenfold-peer";
/** The local address the request arrived on: a demo answers only loopback arrivals (lib/auth/host-pin.ts). */
export const LOCAL_ADDRESS_HEADER = "x-tenfold-local-address";

const TOKEN_KEY = Symbol.for("tenfold.peerToken");
const INSTALLED_KEY = Symbol.for("tenfold.peerStampInstalled");
type Holder = { [TOKEN_KEY]?: string; [INSTALLED_KEY]?: boolean };
const holder = globalThis as Holder;

/** This process's token, which every stamp carries (shared through globalThis: instrumentation and the app are separate bundles). */
export function stampToken(): string {
  holder[TOKEN_KEY] ??= Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");
  return holder[TOKEN_KEY];
}

/** Overwrites `header` with `token address` (removes it when the socket has no address), raw headers too. */
function stamp(request: IncomingMessage, header: string, address: string | undefined): void {
  const value = address ? `${stampToken()} ${address}` : undefined;
  if (value) request.headers[header] = value;
  else delete request.headers[header];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]?.toLowerCase() === header) request.rawHeaders[index + 1] = value ?? "";
  }
}

/**
 * Stamps every request any HTTP(S) server of this process receives with its socket's remote and local
 * addresses, before its listener runs; called from instrumentation.ts so `next start`, the standalone
 * server.js and `next dev` all get it. Idempotent.
 */
export function installPeerStamp(): void {
  if (holder[INSTALLED_KEY]) return;
  holder[INSTALLED_KEY] = true;
  for (const prototype of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "upgrade") {
        const request = args[0] as IncomingMessage;
        stamp(request, PEER_HEADER, request.socket.remoteAddress);
        stamp(request, LOCAL_ADDRESS_HEADER, request.socket.localAddress);
      }
      return emit.call(this, event, ...args);
    };
  }
}

/** The address this process stamped in `header`, or null (no stamp, or a forged one). */
function stamped(headers: Headers, header: string): string | null {
  const value = headers.get(header);
  const token = holder[TOKEN_KEY];
  if (!value || !token) return null;
  const [sent, address] = value.split(" ");
  return sent === token && address ? address : null;
}

/** The socket's remote address stamped on these headers by this process, or null. */
export const peerAddress = (headers: Headers): string | null => stamped(headers, PEER_HEADER);

/** The socket's local address stamped on these headers by this process, or null. */
export const stampedLocalAddress = (headers: Headers): string | null => stamped(headers, LOCAL_ADDRESS_HEADER);
