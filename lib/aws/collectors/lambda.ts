// Lambda (ENABLED Regions): environment variables scanned in memory (item 3); `total` feeds item 10.
import { paginateListFunctions } from "@aws-sdk/client-lambda";
import type { Regional, SecretScan } from "@/lib/scoring/evidence";
import { perRegion, type CollectorContext } from "./context";
import { SecretScanBuilder } from "./secrets-scan";

export async function collectLambda(ctx: CollectorContext): Promise<Regional<SecretScan>> {
  return perRegion(ctx.regions, "lambda:ListFunctions", async (region) => {
    const scan = new SecretScanBuilder(ctx.settings.secretSalt);
    for await (const page of paginateListFunctions({ client: ctx.clients.get("lambda", region), pageSize: 50 }, {})) {
      for (const f of page.Functions ?? []) {
        scan.total++;
        const arn = f.FunctionArn ?? `arn:aws:lambda:${region}:${ctx.accountId}:function:${f.FunctionName ?? "?"}`;
        const resource = f.FunctionName === undefined ? { arn } : { arn, name: f.FunctionName };
        if (f.Environment?.Error) {
          scan.addError(resource, { code: f.Environment.Error.ErrorCode ?? "EnvironmentError", message: f.Environment.Error.Message ?? "environment unreadable" });
          continue;
        }
        scan.scanned++;
        const vars = f.Environment?.Variables ?? {};
        scan.scanPairs(
          resource,
          Object.entries(vars).map(([name, value]) => ({ location: `${arn} Environment.Variables.${name}`, name, value })),
        );
      }
    }
    return scan.build();
  });
}
