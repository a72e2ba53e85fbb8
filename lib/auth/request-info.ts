import { BlockList, isIP } from "node:net";
import { boundHeaders } from "@/db/store/audit";
import { getEnv, type TrustedProxies } from "@/lib/env";
import { peerAddress } from "./peer";

// Where a request came from, for the audit log. The socket address (stamped by lib/auth/peer.ts) is the
// truth; X-Forwarded-For is believed only as far as TENFOLD_TRUSTED_PROXIES says proxies appended it —
// every hop left of those is client-supplied and could be anything.
export type RequestInfo = { ip: string | null; userAgent: string | null };


const normalise = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

// The configured list is one array for the process's life: build its BlockList once.
const blockLists = new WeakMap<string[], BlockList>();

function blockListOf(entries: string[]): BlockList {
  const cached = blockLists.get(entries);
  if (cached) return cached;
  const list = new BlockList();
  blockLists.set(entries, list);
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (isIP(address) === 0) continue;
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
};

/** The client address: the socket peer, or the hop the nearest trusted proxy saw. */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const hops = (forwardedFor ?? "").split(",").map((hop) => normalise(hop.trim())).filter(Boolean);
  const socket = peer ? normalise(peer) : null;
  if (typeof trusted === "number") {
    // Each trusted proxy appended the address it saw; the one `trusted` hops from the right is the client.
    if (trusted === 0 || hops.length === 0) return socket;
    return hops.at(-Math.min(trusted, hops.length)) ?? socket;
  }
  // A list: walk back from the socket while the address is one of our proxies.
  const list = blockListOf(trusted);
  if (socket === null || !isTrusted(list, socket)) return socket;
  let client = socket;
  for (const hop of hops.toReversed()) {
    client = hop;
    if (!isTrusted(list, hop)) break;
  }
  return client;
}

export function requestInfoFrom(headers: Headers, trusted: TrustedProxies = getEnv().TENFOLD_TRUSTED_PROXIES): RequestInfo {
  return boundHeaders({ ip: clientAddress(peerAddress(headers), headers.get("x-forwarded-for"), trusted), userAgent: headers.get("user-agent") });
}
