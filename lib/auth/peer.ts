import type { IncomingMessage } from "node:http";
import http from "node:http";
import https from "node:https";

// Route handlers see headers, never the socket (Next.js 16 has no request.ip, and it only fills
// X-Forwarded-For with the socket address when the client sent none). So the server process stamps
// every request with its socket address in PEER_HEADER, overwriting whatever the client sent, and
// signs the value with a per-process token: a client-supplied header (a request that arrived before
// the stamp was installed, or a server started without it) never passes for the socket address.

export const PEER_HEADER = "x-tenfold-peer";

const TOKEN_KEY = Symbol.for("tenfold.peerToken");
const INSTALLED_KEY = Symbol.for("tenfold.peerStampInstalled");
type Holder = { [TOKEN_KEY]?: string; [INSTALLED_KEY]?: boolean };
const holder = globalThis as Holder;

function processToken(): string {
  holder[TOKEN_KEY] ??= Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");
  return holder[TOKEN_KEY];
}

/** Overwrites PEER_HEADER on one request with its socket address (removes it when the socket has none). */
function stampPeer(request: IncomingMessage): void {
  const address = request.socket.remoteAddress;
  if (address) request.headers[PEER_HEADER] = `${processToken()} ${address}`;
  else delete request.headers[PEER_HEADER];
}

/**
 * Stamps every request any HTTP(S) server of this process receives, before its listener runs; called
 * from instrumentation.ts so `next start`, the standalone server.js and `next dev` all get it. Idempotent.
 */
export function installPeerStamp(): void {
  if (holder[INSTALLED_KEY]) return;
  holder[INSTALLED_KEY] = true;
  for (const prototype of [http.Server.prototype, https.Server.prototype] as { emit: (event: string | symbol, ...args: unknown[]) => boolean }[]) {
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "upgrade") stampPeer(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    };
  }
}

/** The socket address stamped on these headers by this process, or null (no stamp, or a forged one). */
export function peerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  const token = holder[TOKEN_KEY];
  if (!value || !token) return null;
  const [sent, address] = value.split(" ");
  return sent === token && address ? address : null;
}
