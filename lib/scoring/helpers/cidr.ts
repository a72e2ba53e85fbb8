// CIDR containment for IPv4 and IPv6, enough for "is this source public / known" (checks.md §5).

type Net = { v: 4 | 6; base: bigint; bits: number };

const parseV4 = (ip: string): bigint | null => {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    const x = Number(p);
    if (!/^\d{1,3}$/.test(p) || x > 255) return null;
    n = (n << 8n) | BigInt(x);
  }
  return n;
};

const parseV6 = (ip: string): bigint | null => {
  const [head, tail, extra] = ip.split("::");
  if (extra !== undefined) return null;
  const h = head ? head.split(":") : [];
  const t = tail !== undefined ? (tail ? tail.split(":") : []) : null;
  const groups = t === null ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  if (groups.length !== 8) return null;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
};

export const parseCidr = (cidr: string): Net | null => {
  const [ip, len] = cidr.trim().split("/");
  if (ip === undefined) return null;
  const v: 4 | 6 = ip.includes(":") ? 6 : 4;
  const width = v === 4 ? 32 : 128;
  const bits = len === undefined ? width : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return null;
  const addr = v === 4 ? parseV4(ip) : parseV6(ip);
  if (addr === null) return null;
  const shift = BigInt(width - bits);
  return { v, base: (addr >> shift) << shift, bits };
};

/** Is `inner` entirely inside `outer`? */
export const cidrWithin = (inner: string, outer: string): boolean => {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (!a || !b || a.v !== b.v || a.bits < b.bits) return false;
  const width = a.v === 4 ? 32 : 128;
  const shift = BigInt(width - b.bits);
  return a.base >> shift === b.base >> shift;
};

/** RFC 1918, CGNAT, link-local, ULA and IPv6 link-local (checks.md §5 "Public"). */
export const NON_PUBLIC_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "fc00::/7", "fe80::/10"] as const;

export const INTERNET_CIDRS = ["0.0.0.0/0", "::/0"] as const;

export const isInternet = (cidr: string): boolean => parseCidr(cidr)?.bits === 0;

export const isPublicCidr = (cidr: string): boolean => parseCidr(cidr) !== null && !NON_PUBLIC_RANGES.some((r) => cidrWithin(cidr, r));
