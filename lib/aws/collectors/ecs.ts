// ECS (ENABLED Regions): latest ACTIVE revision per task-definition family, environment[] scanned
// in memory; secrets[] (valueFrom) counted as references (item 3).
import { DescribeTaskDefinitionCommand, paginateListTaskDefinitions } from "@aws-sdk/client-ecs";
import type { Regional, SecretScan } from "@/lib/scoring/evidence";
import { call, isAbortError, toCollectErrorWithAction } from "../errors";
import { mapLimit } from "../limiter";
import { perRegion, type CollectorContext } from "./context";
import { hasIgnoreTag, SecretScanBuilder } from "./secrets-scan";

/** Highest revision per family from task-definition ARNs (pure). */
export function latestPerFamily(arns: readonly string[]): string[] {
  const best = new Map<string, { arn: string; rev: number }>();
  for (const arn of arns) {
    const m = /task-definition\/([^:]+):(\d+)$/.exec(arn);
    if (!m) continue;
    const family = m[1] as string;
    const rev = Number(m[2]);
    const cur = best.get(family);
    if (!cur || rev > cur.rev) best.set(family, { arn, rev });
  }
  return [...best.values()].map((v) => v.arn);
}

export async function collectEcs(ctx: CollectorContext): Promise<Regional<SecretScan>> {
  return perRegion(ctx.regions, "ecs:ListTaskDefinitions", async (region) => {
    const ecs = ctx.clients.get("ecs", region);
    const arns: string[] = [];
    await call("ecs:ListTaskDefinitions", async () => {
      for await (const page of paginateListTaskDefinitions({ client: ecs, pageSize: 100 }, { status: "ACTIVE", sort: "DESC" }))
        arns.push(...(page.taskDefinitionArns ?? []));
    });
    const latest = latestPerFamily(arns);
    const scan = new SecretScanBuilder(ctx.settings.secretSalt);
    scan.total = latest.length;
    await mapLimit(latest, ctx.settings.perAccountConcurrency, async (arn) => {
      const name = /task-definition\/(.+)$/.exec(arn)?.[1];
      try {
        const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ["TAGS"] }));
        const td = out.taskDefinition;
        const pairs: { location: string; name: string; value: string | undefined }[] = [];
        (td?.containerDefinitions ?? []).forEach((c, i) => {
          for (const e of c.environment ?? [])
            if (e.name !== undefined) pairs.push({ location: `${arn} containerDefinitions[${i}].environment.${e.name}`, name: e.name, value: e.value });
          scan.references += (c.secrets ?? []).length;
        });
        await scan.scanPairs({ arn, name, ignoreTag: hasIgnoreTag(out.tags) }, pairs);
      } catch (err) {
        if (isAbortError(err)) throw err;
        scan.addError({ arn, name }, toCollectErrorWithAction(err, "ecs:DescribeTaskDefinition"));
      }
    });
    return scan.build();
  });
}
