// CodeBuild (ENABLED Regions): PLAINTEXT environment variables scanned in memory; PARAMETER_STORE /
// SECRETS_MANAGER variables counted as references (item 3).
import { BatchGetProjectsCommand, paginateListProjects } from "@aws-sdk/client-codebuild";
import type { Regional, SecretScan } from "@/lib/scoring/evidence";
import { call } from "../errors";
import { perRegion, type CollectorContext } from "./context";
import { hasIgnoreTag, SecretScanBuilder } from "./secrets-scan";

export async function collectCodeBuild(ctx: CollectorContext): Promise<Regional<SecretScan>> {
  return perRegion(ctx.regions, "codebuild:ListProjects", async (region) => {
    const cb = ctx.clients.get("codebuild", region);
    const names: string[] = [];
    await call("codebuild:ListProjects", async () => {
      for await (const page of paginateListProjects({ client: cb }, {})) names.push(...(page.projects ?? []));
    });
    const scan = new SecretScanBuilder(ctx.settings.secretSalt);
    scan.total = names.length;
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += 100) chunks.push(names.slice(i, i + 100));
    await Promise.all(
      chunks.map(async (chunk) => {
        const out = await call("codebuild:BatchGetProjects", () => cb.send(new BatchGetProjectsCommand({ names: chunk })));
        for (const p of out.projects ?? []) {
          const arn = p.arn ?? `arn:aws:codebuild:${region}:${ctx.accountId}:project/${p.name ?? "?"}`;
          const pairs: { location: string; name: string; value: string | undefined }[] = [];
          for (const v of p.environment?.environmentVariables ?? []) {
            if (v.name === undefined) continue;
            if (v.type !== undefined && v.type !== "PLAINTEXT") {
              scan.references++;
              continue;
            }
            pairs.push({ location: `${arn} environment.environmentVariables.${v.name}`, name: v.name, value: v.value });
          }
          await scan.scanPairs({ arn, name: p.name, ignoreTag: hasIgnoreTag(p.tags) }, pairs);
        }
      }),
    );
    return scan.build();
  });
}
