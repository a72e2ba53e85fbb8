// Secrets Manager (ENABLED Regions): ListSecrets metadata only (item 3 rotation); never GetSecretValue.
import { paginateListSecrets } from "@aws-sdk/client-secrets-manager";
import type { Regional, SecretMetadata } from "@/lib/scoring/evidence";
import { compact, iso, perRegion, type CollectorContext } from "./context";

export async function collectSecrets(ctx: CollectorContext): Promise<Regional<SecretMetadata[]>> {
  return perRegion(ctx.regions, "secretsmanager:ListSecrets", async (region) => {
    const out: SecretMetadata[] = [];
    for await (const page of paginateListSecrets({ client: ctx.clients.get("secretsmanager", region), pageSize: 100 }, {})) {
      for (const s of page.SecretList ?? []) {
        const rules = s.RotationRules
          ? compact({ automaticallyAfterDays: s.RotationRules.AutomaticallyAfterDays, scheduleExpression: s.RotationRules.ScheduleExpression })
          : undefined;
        out.push(
          compact({
            arn: s.ARN ?? "",
            name: s.Name ?? "",
            rotationEnabled: s.RotationEnabled ?? false,
            rotationRules: rules,
            createdDate: iso(s.CreatedDate),
            lastRotatedDate: iso(s.LastRotatedDate),
            nextRotationDate: iso(s.NextRotationDate),
            lastAccessedDate: iso(s.LastAccessedDate),
            owningService: s.OwningService,
            deletedDate: iso(s.DeletedDate),
          }),
        );
      }
    }
    return out;
  });
}
