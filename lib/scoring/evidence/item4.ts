import type { Regional } from "./common";

// Item 4 — limit security groups (checks.md §5).

/** One IpPermission of ec2:DescribeSecurityGroups, flattened. */
export type SgRule = {
  /** IpProtocol: "-1" (all), "tcp", "udp", "icmp", "6", "17", … */
  protocol: string;
  /** FromPort / ToPort; null when AWS omits them (protocol -1). */
  fromPort: number | null;
  toPort: number | null;
  /** IpRanges[].CidrIp */
  cidrs: string[];
  /** Ipv6Ranges[].CidrIpv6 */
  ipv6Cidrs: string[];
  /** PrefixListIds[].PrefixListId — never public unless the collector expands them into `cidrs`. */
  prefixListIds: string[];
  /** UserIdGroupPairs.length — references to other groups are never public. */
  groupPairs: number;
};

/** ec2:DescribeSecurityGroups → SecurityGroups[]. */
export type SecurityGroup = {
  groupId: string;
  groupName: string;
  vpcId?: string;
  /** IpPermissions */
  ipPermissions: SgRule[];
  /** IpPermissionsEgress */
  ipPermissionsEgress: SgRule[];
  /** Optional ec2:DescribeNetworkInterfaces: attached to at least one ENI. Absent = not collected. */
  inUse?: boolean;
};

export type Item4Evidence = {
  /** ec2:DescribeSecurityGroups, every ENABLED Region. */
  securityGroups: Regional<SecurityGroup[]>;
};
