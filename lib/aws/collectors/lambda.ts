// Lambda (ENABLED Regions): environment variables scanned in memory (item 3); `total` feeds item 10.
// ListFunctions carries no tags, so lambda:ListTags is called for flagged functions only (one call per
// function with a hit) to learn whether it asks for an exception with tenfold:secrets-scan=ignore.
import { ListTagsCommand, paginateListFunctions } from "@aws-sdk/client-lambda";
import type { Regional, SecretScan } from "@/lib/scoring/evidence";
import { isAbortError } from "../errors";
import { perRegion, type CollectorContext } from "./context";
import { hasIgnoreTag, SecretScanBuilder } from "./secrets-scan";

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
        const vars = f.Environment?.Variables ?? {};
        const hits = await scan.scanPairs(
          resource,
          Object.entries(vars).map(([name, value]) => ({ location: `${arn} Environment.Variables.${name}`, name, value })),
        );
        if (hits.length > 0 && (await ignoreTagged(ctx, region, arn))) scan.markIgnoreTag(arn);
      }
    }
    return scan.build();
  });
}

/** Whether a function carries the ignore tag; a tag that cannot be read counts as absent (the hit stands). */
async function ignoreTagged(ctx: CollectorContext, region: string, arn: string): Promise<boolean> {
  try {
    const out = await ctx.clients.get("lambda", region).send(new ListTagsCommand({ Resource: arn }));
    return hasIgnoreTag(out.Tags);
  } catch (error) {
    if (isAbortError(error)) throw error;
    return false;
  }
}
