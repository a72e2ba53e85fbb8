// Enabled Regions (checks.md §1.3): ec2:DescribeRegions {AllRegions: false} returns only the Regions
// enabled for the account; intersect with TENFOLD_REGIONS (allow-list Regions not enabled are dropped).
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import type { ClientFactory } from "./clients";
import { call } from "./errors";

/** Enabled ∩ allow-list, in allow-list order (or AWS order when the allow-list is empty). */
export function intersectRegions(enabled: readonly string[], allowList: readonly string[]): string[] {
  if (allowList.length === 0) return [...enabled].sort();
  const set = new Set(enabled);
  return [...new Set(allowList)].filter((r) => set.has(r));
}

export async function enabledRegions(clients: ClientFactory, allowList: readonly string[], region: string): Promise<string[]> {
  const out = await call("ec2:DescribeRegions", () => clients.get("ec2", region).send(new DescribeRegionsCommand({ AllRegions: false })));
  const enabled = (out.Regions ?? [])
    .filter((r) => r.OptInStatus === undefined || r.OptInStatus === "opt-in-not-required" || r.OptInStatus === "opted-in")
    .map((r) => r.RegionName)
    .filter((r): r is string => typeof r === "string");
  return intersectRegions(enabled, allowList);
}
