// Macie (item 5, optional check i5.macie_enabled): GetMacieSession in the home Region and in every Region
// that holds S3 buckets (Macie is regional and guards the buckets of its Region; checks.md §6 asks for the
// home Region at least). Macie answers an account where it was never enabled with AccessDeniedException
// "Macie is not enabled." — an answer (off), not a failure; any other AccessDeniedException stays an error.
import { GetMacieSessionCommand } from "@aws-sdk/client-macie2";
import type { Regional } from "@/lib/scoring/evidence";
import { errorName } from "../errors";
import type { BucketRef } from "./s3";
import { NotApplicableSignal, perRegion, type CollectorContext } from "./context";

export const MACIE_NOT_ENABLED = /Macie is not enabled/i;

export const isMacieNotEnabled = (err: unknown): boolean =>
  errorName(err) === "AccessDeniedException" && err instanceof Error && MACIE_NOT_ENABLED.test(err.message);

/** Regions worth asking: the home Region plus the buckets' Regions; every Region when the bucket list is unknown. */
export function macieRegions(ctx: CollectorContext, buckets: BucketRef[] | undefined): Set<string> {
  if (buckets === undefined || buckets.some((b) => b.region === undefined)) return new Set(ctx.regions);
  return new Set([ctx.settings.homeRegion, ...buckets.map((b) => b.region as string)]);
}

export async function collectMacie(ctx: CollectorContext, buckets: BucketRef[] | undefined): Promise<Regional<{ status: string }>> {
  const asked = macieRegions(ctx, buckets);
  return perRegion(ctx.regions, "macie2:GetMacieSession", async (region) => {
    if (!asked.has(region)) return new NotApplicableSignal("no S3 buckets in this Region");
    try {
      const out = await ctx.clients.get("macie2", region).send(new GetMacieSessionCommand({}));
      return { status: out.status ?? "" };
    } catch (err) {
      if (isMacieNotEnabled(err)) return { status: "DISABLED" };
      throw err;
    }
  });
}
