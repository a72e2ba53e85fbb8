import type { SecurityGroup, SgRule } from "../evidence";
import { cidrWithin, isInternet, isPublicCidr } from "../helpers/cidr";

// Security group rule semantics of checks.md §5 (same as Prowler's check_security_group).

const PORT_PROTOCOLS = new Set(["tcp", "udp", "6", "17"]);

export const isAllTraffic = (r: SgRule) => r.protocol === "-1";

/** All ports: protocol -1, or a port range covering all 65,536 ports. */
export const isAllPorts = (r: SgRule) => isAllTraffic(r) || ((r.fromPort ?? 0) <= 0 && (r.toPort ?? -1) >= 65535 && PORT_PROTOCOLS.has(r.protocol));

export const matchesPort = (r: SgRule, port: number): boolean =>
  isAllTraffic(r) || (PORT_PROTOCOLS.has(r.protocol) && r.fromPort !== null && r.toPort !== null && r.fromPort <= port && port <= r.toPort);

export const internetSources = (r: SgRule): string[] => [...r.cidrs, ...r.ipv6Cidrs].filter(isInternet);

/** Public CIDRs narrower than /0 that are not inside a known range. */
export const unknownPublicSources = (r: SgRule, known: readonly string[]): string[] =>
  [...r.cidrs, ...r.ipv6Cidrs].filter((c) => !isInternet(c) && isPublicCidr(c) && !known.some((k) => cidrWithin(c, k)));

/** Does the rule open at least one port outside `allowed`? */
export const opensPortOutside = (r: SgRule, allowed: ReadonlySet<number>): boolean => {
  if (isAllPorts(r)) return true;
  if (!PORT_PROTOCOLS.has(r.protocol) || r.fromPort === null || r.toPort === null) return false;
  const span = r.toPort - r.fromPort + 1;
  if (span > allowed.size) return true;
  for (let p = r.fromPort; p <= r.toPort; p++) if (!allowed.has(p)) return true;
  return false;
};

export const describeRule = (r: SgRule, sources: string[]): string => {
  const proto = isAllTraffic(r) ? "all traffic" : r.fromPort === r.toPort ? `${r.protocol} ${r.fromPort}` : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  return `${proto} from ${sources.join(", ")}`;
};

export const sgRef = (sg: SecurityGroup, detail: string) => ({ kind: "security-group", id: sg.groupId, detail: `${sg.groupName}${sg.vpcId ? ` (${sg.vpcId})` : ""}: ${detail}` });
