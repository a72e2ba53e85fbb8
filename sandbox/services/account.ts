import type * as T from "@aws-sdk/client-account";
import { op, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import type { AccountData } from "../scenario/types";
import { accessDenied, isDelegatedAdmin, isManagement } from "./util";

/** Account API rules for `AccountId` (checks.md §0.4): only the management / delegated admin, only for members. */
function target(ctx: Ctx, accountId: string | undefined, action: string): AccountData {
  if (!accountId || accountId === ctx.account.id) {
    if (accountId && isManagement(ctx))
      throw new SandboxError("AccessDeniedException", "The management account can only be managed using the standalone context from the management account.", 403);
    return ctx.account;
  }
  const org = ctx.scenario.organization;
  const admin = isManagement(ctx) || isDelegatedAdmin(ctx, "account.amazonaws.com");
  const trusted = org?.featureSet === "ALL" && org.serviceAccess.some((s) => s.servicePrincipal === "account.amazonaws.com");
  const member = ctx.scenario.accounts[accountId];
  if (!admin || !trusted || !member || accountId === ctx.scenario.management.accountId) throw accessDenied(ctx, action);
  return member;
}

export const account: ServiceDef = {
  name: "account",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-account"),
  global: true,
  throttle: { code: "TooManyRequestsException", status: 429 },
  handlers: {
    GetAlternateContact: op<T.GetAlternateContactRequest, T.GetAlternateContactResponse>((ctx, input) => {
      const a = target(ctx, input.AccountId, "account:GetAlternateContact");
      const type = input.AlternateContactType;
      if (type !== "SECURITY" && type !== "BILLING" && type !== "OPERATIONS")
        throw new SandboxError("ValidationException", "Invalid AlternateContactType", 400);
      const c = a.contacts[type];
      if (!c) throw new SandboxError("ResourceNotFoundException", "No contact of the inputted alternate contact type found.", 404);
      return { AlternateContact: c };
    }),
    GetContactInformation: op<T.GetContactInformationRequest, T.GetContactInformationResponse>((ctx, input) => {
      const a = target(ctx, input.AccountId, "account:GetContactInformation");
      if (!a.contactInformation) throw new SandboxError("ResourceNotFoundException", "No contact information found.", 404);
      return { ContactInformation: a.contactInformation };
    }),
    GetPrimaryEmail: op<T.GetPrimaryEmailRequest, T.GetPrimaryEmailResponse>((ctx, input) => {
      if (!input.AccountId) throw new SandboxError("ValidationException", "AccountId is required", 400);
      const a = target(ctx, input.AccountId, "account:GetPrimaryEmail");
      if (a === ctx.account) throw accessDenied(ctx, "account:GetPrimaryEmail");
      return { PrimaryEmail: a.email };
    }),
  },
};
