// Item 1 (GLOBAL, in-account): account:GetAlternateContact ×3 without AccountId (checks.md §2).
import { GetAlternateContactCommand } from "@aws-sdk/client-account";
import type { AlternateContact, Collected, Item1Evidence } from "@/lib/scoring/evidence";
import { attempt, isNotFound } from "../errors";
import { compact, type CollectorContext } from "./context";

async function contact(ctx: CollectorContext, type: "SECURITY" | "BILLING" | "OPERATIONS"): Promise<Collected<AlternateContact | null>> {
  return attempt("account:GetAlternateContact", async () => {
    try {
      const out = await ctx.clients.get("account").send(new GetAlternateContactCommand({ AlternateContactType: type }));
      const c = out.AlternateContact;
      if (!c) return null;
      return compact({ emailAddress: c.EmailAddress ?? "", name: c.Name, phoneNumber: c.PhoneNumber, title: c.Title });
    } catch (err) {
      if (isNotFound(err, "ResourceNotFoundException")) return null;
      throw err;
    }
  });
}

export async function collectItem1(ctx: CollectorContext): Promise<Item1Evidence> {
  const [security, billing, operations] = await Promise.all([contact(ctx, "SECURITY"), contact(ctx, "BILLING"), contact(ctx, "OPERATIONS")]);
  return { alternateContacts: { security, billing, operations } };
}
