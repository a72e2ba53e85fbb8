// Amazon Macie (restJson1, `GET /macie`): GetMacieSession for the optional i5.macie_enabled check.
import type * as T from "@aws-sdk/client-macie2";
import { op, regionOf, sdkModule, type ServiceDef } from "../core";
import { SandboxError } from "../errors";

export const macie2: ServiceDef = {
  name: "macie2",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-macie2"),
  global: false,
  throttle: { code: "ThrottlingException", status: 429 },
  handlers: {
    GetMacieSession: op<T.GetMacieSessionRequest, T.GetMacieSessionResponse>((ctx) => {
      const m = regionOf(ctx).macie;
      // Where Macie was never enabled (or was disabled) AWS answers AccessDeniedException "Macie is not enabled."
      // (the model's status for it is 403; live answers with 401 have been reported — the SDK goes by the name).
      if (!m) throw new SandboxError("AccessDeniedException", "Macie is not enabled.", 403);
      return {
        status: m.status,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt ?? m.createdAt,
        findingPublishingFrequency: "SIX_HOURS",
        serviceRole: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
      };
    }),
  },
};
