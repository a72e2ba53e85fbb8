import type * as T from "@aws-sdk/client-lambda";
import { op, regionOf, sdkModule, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";

export const lambda: ServiceDef = {
  name: "lambda",
  protocol: "restJson",
  sdk: sdkModule("@aws-sdk/client-lambda"),
  global: false,
  throttle: { code: "TooManyRequestsException", status: 429 },
  handlers: {
    ListFunctions: op<T.ListFunctionsRequest, T.ListFunctionsResponse>((ctx, input) => {
      // At most 50 functions per page, whatever MaxItems says (checks.md §4).
      const p = paginate(regionOf(ctx).lambdaFunctions ?? [], { token: input.Marker, max: input.MaxItems, defaultMax: 50, limit: 50, invalidTokenCode: "InvalidParameterValueException" });
      return { Functions: p.items, NextMarker: p.next };
    }),
    // Resource is the function ARN; an unknown function answers ResourceNotFoundException (404), as Lambda does.
    ListTags: op<T.ListTagsRequest, T.ListTagsResponse>((ctx, input) => {
      const fn = (regionOf(ctx).lambdaFunctions ?? []).find((f) => f.FunctionArn === input.Resource);
      if (!fn?.FunctionArn) throw new SandboxError("ResourceNotFoundException", `Function not found: ${input.Resource ?? ""}`, 404);
      return { Tags: regionOf(ctx).lambdaTags?.[fn.FunctionArn] ?? {} };
    }),
  },
};
