// Inspector2 (item 10): BatchGetAccountStatus {} (own account) per enabled Region.
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import type { InspectorStatus, Regional } from "@/lib/scoring/evidence";
import { compact, perRegion, type CollectorContext } from "./context";

export async function collectInspector(ctx: CollectorContext): Promise<Regional<InspectorStatus>> {
  return perRegion(ctx.regions, "inspector2:BatchGetAccountStatus", async (region) => {
    const out = await ctx.clients.get("inspector2", region).send(new BatchGetAccountStatusCommand({}));
    const a = out.accounts?.find((x) => x.accountId === ctx.accountId) ?? out.accounts?.[0];
    const failed = out.failedAccounts?.[0];
    if (!a) return { status: failed?.status ?? "DISABLED", resourceState: {} };
    const rs = a.resourceState;
    return {
      status: a.state?.status ?? "",
      resourceState: compact({
        ec2: rs?.ec2?.status,
        ecr: rs?.ecr?.status,
        lambda: rs?.lambda?.status,
        lambdaCode: rs?.lambdaCode?.status,
        codeRepository: rs?.codeRepository?.status,
      }),
    };
  });
}
