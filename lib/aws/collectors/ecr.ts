// ECR (item 10): repository count per enabled Region; the registry scanning configuration only where
// repositories exist (with none the check is not applicable: checks.md §11, §17).
import { GetRegistryScanningConfigurationCommand, paginateDescribeRepositories } from "@aws-sdk/client-ecr";
import type { Regional, RegistryScanning } from "@/lib/scoring/evidence";
import { NotApplicableSignal, perRegion, type CollectorContext } from "./context";

export async function collectEcr(ctx: CollectorContext): Promise<{ ecrRepositoryCount: Regional<number>; ecrScanning: Regional<RegistryScanning> }> {
  const ecrRepositoryCount = await perRegion(ctx.regions, "ecr:DescribeRepositories", async (region) => {
    let n = 0;
    for await (const page of paginateDescribeRepositories({ client: ctx.clients.get("ecr", region), pageSize: 1000 }, {})) n += page.repositories?.length ?? 0;
    return n;
  });
  const ecrScanning = await perRegion(ctx.regions, "ecr:GetRegistryScanningConfiguration", async (region): Promise<RegistryScanning | NotApplicableSignal> => {
    const count = ecrRepositoryCount[region];
    if (count === undefined || "notApplicable" in count) return new NotApplicableSignal(count?.notApplicable ?? "Region not scanned");
    if (count.ok && count.value === 0) return new NotApplicableSignal("no ECR repositories");
    const out = await ctx.clients.get("ecr", region).send(new GetRegistryScanningConfigurationCommand({}));
    const c = out.scanningConfiguration;
    return {
      scanType: c?.scanType === "ENHANCED" ? "ENHANCED" : "BASIC",
      rules: (c?.rules ?? []).map((r) => ({
        scanFrequency: r.scanFrequency ?? "",
        repositoryFilters: (r.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? "", filterType: f.filterType ?? "" })),
      })),
    };
  });
  return { ecrRepositoryCount, ecrScanning };
}
