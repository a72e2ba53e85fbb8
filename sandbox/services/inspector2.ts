import type * as T from "@aws-sdk/client-inspector2";
import { op, regionOf, sdkModule, type Ctx, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";
import { inspectorState } from "../scenario/builder";
import { isDelegatedAdmin } from "./util";

const OFF: T.State = inspectorState("DISABLED");

function accountState(ctx: Ctx, accountId: string): T.AccountState {
  const a = ctx.scenario.accounts[accountId];
  const i = a?.regions[ctx.region]?.inspector;
  if (!i) return { accountId, state: OFF, resourceState: { ec2: OFF, ecr: OFF, lambda: OFF, lambdaCode: OFF, codeRepository: OFF } };
  return { accountId, state: { status: i.status, errorCode: "ALREADY_ENABLED", errorMessage: "" }, resourceState: i.resourceState };
}

export const inspector2: ServiceDef = {
  name: "inspector2",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-inspector2"),
  global: false,
  throttle: { code: "ThrottlingException", status: 429 },
  handlers: {
    BatchGetAccountStatus: op<T.BatchGetAccountStatusRequest, T.BatchGetAccountStatusResponse>((ctx, input) => {
      const ids = input.accountIds?.length ? input.accountIds : [ctx.account.id];
      const admin = isDelegatedAdmin(ctx, "inspector2.amazonaws.com");
      const accounts: T.AccountState[] = [];
      const failedAccounts: T.FailedAccount[] = [];
      for (const id of ids) {
        if (id === ctx.account.id || (admin && ctx.scenario.accounts[id])) accounts.push(accountState(ctx, id));
        else failedAccounts.push({ accountId: id, errorCode: "ACCESS_DENIED", errorMessage: "Caller is not the delegated administrator for this account" });
      }
      return { accounts, failedAccounts };
    }),
    DescribeOrganizationConfiguration: op<T.DescribeOrganizationConfigurationRequest, T.DescribeOrganizationConfigurationResponse>((ctx) => {
      if (!isDelegatedAdmin(ctx, "inspector2.amazonaws.com"))
        throw new SandboxError("AccessDeniedException", "Invoking account is not the delegated administrator.", 403);
      const ae = ctx.scenario.organization?.autoEnable?.inspector2 ?? { ec2: true, ecr: true, lambda: true, lambdaCode: true };
      return { autoEnable: { ...ae }, maxAccountLimitReached: false };
    }),
    ListFindingAggregations: op<T.ListFindingAggregationsRequest, T.ListFindingAggregationsResponse>((ctx, input) => {
      const counts = regionOf(ctx).inspector?.severityCounts ?? { all: 0, critical: 0, high: 0, medium: 0 };
      const responses: T.AggregationResponse[] =
        input.aggregationType === "ACCOUNT" ? [{ accountAggregation: { accountId: ctx.account.id, severityCounts: counts } }] : [];
      const p = paginate(responses, { token: input.nextToken, max: input.maxResults, defaultMax: 100, invalidTokenCode: "ValidationException" });
      return { aggregationType: input.aggregationType, responses: p.items, nextToken: p.next };
    }),
  },
};
