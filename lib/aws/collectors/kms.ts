// KMS (ENABLED Regions, item 5): ListKeys, DescribeKey per key, GetKeyPolicy for customer-managed keys.
import { DescribeKeyCommand, GetKeyPolicyCommand, paginateListKeys } from "@aws-sdk/client-kms";
import type { KmsKey, Regional } from "@/lib/scoring/evidence";
import { attempt, call, isNotFound } from "../errors";
import { mapLimit } from "../limiter";
import { compact, perRegion, type CollectorContext } from "./context";

export async function collectKms(ctx: CollectorContext): Promise<Regional<KmsKey[]>> {
  return perRegion(ctx.regions, "kms:ListKeys", async (region) => {
    const kms = ctx.clients.get("kms", region);
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: 1000 }, {})) for (const k of page.Keys ?? []) if (k.KeyId) ids.push(k.KeyId);
    const keys = await mapLimit(ids, ctx.settings.perAccountConcurrency, async (keyId): Promise<KmsKey | undefined> => {
      let md;
      try {
        md = (await call("kms:DescribeKey", () => kms.send(new DescribeKeyCommand({ KeyId: keyId })))).KeyMetadata;
      } catch (err) {
        if (isNotFound(err, "NotFoundException")) return undefined; // deleted mid-scan
        throw err;
      }
      if (!md) return undefined;
      const key: KmsKey = compact({
        keyId: md.KeyId ?? keyId,
        arn: md.Arn ?? "",
        keyManager: md.KeyManager === "AWS" ? "AWS" : "CUSTOMER",
        keyState: md.KeyState ?? "",
        keyUsage: md.KeyUsage ?? "",
        keySpec: md.KeySpec,
      });
      if (md.KeyManager !== "AWS")
        key.policy = await attempt("kms:GetKeyPolicy", async () => (await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" }))).Policy ?? "");
      return key;
    });
    return keys.filter((k): k is KmsKey => k !== undefined);
  });
}
