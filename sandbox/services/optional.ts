// Services whose SDK clients Tenfold treats as optional (checks.md §14 "(opt.)"). Their wire shapes come
// from the SDK schemas like every other service, so each is served only when its package is installed.
import { createRequire } from "node:module";
import { op, regionOf, type ServiceDef } from "../core";
import { SandboxError } from "../errors";
import { paginate } from "../paginate";

const require = createRequire(import.meta.url);

function load(pkg: string): Record<string, unknown> | undefined {
  try {
    return require(pkg) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function cloudformation(sdk: Record<string, unknown>): ServiceDef {
  return {
    name: "cloudformation",
    protocol: "query",
    sdk: () => sdk,
    version: "2010-05-15",
    xmlNamespace: "http://cloudformation.amazonaws.com/doc/2010-05-15/",
    global: false,
    throttle: { code: "Throttling", status: 400 },
    handlers: {
      DescribeStacks: op<{ StackName?: string; NextToken?: string }, Record<string, unknown>>((ctx, input) => {
        let stacks = regionOf(ctx).stacks ?? [];
        if (input.StackName) {
          stacks = stacks.filter((x) => x.StackName === input.StackName || x.StackId === input.StackName);
          if (!stacks.length) throw new SandboxError("ValidationError", `Stack with id ${input.StackName} does not exist`, 400);
        }
        const p = paginate(stacks, { token: input.NextToken, defaultMax: 100, invalidTokenCode: "ValidationError" });
        return { Stacks: p.items, NextToken: p.next };
      }),
    },
  };
}

function ssoAdmin(sdk: Record<string, unknown>): ServiceDef {
  return {
    name: "sso",
    protocol: "json1.1",
    sdk: () => sdk,
    targetPrefix: "SWBExternalService",
    global: false,
    throttle: { code: "ThrottlingException", status: 400 },
    handlers: {
      ListInstances: op<{ MaxResults?: number; NextToken?: string }, Record<string, unknown>>((ctx, input) => {
        const p = paginate(regionOf(ctx).ssoInstances ?? [], { token: input.NextToken, max: input.MaxResults, defaultMax: 10, limit: 100, invalidTokenCode: "ValidationException" });
        return { Instances: p.items, NextToken: p.next };
      }),
    },
  };
}

/** The optional services whose SDK client package is present. */
export function optionalServices(): ServiceDef[] {
  const out: ServiceDef[] = [];
  const c = load("@aws-sdk/client-cloudformation");
  if (c) out.push(cloudformation(c));
  const s = load("@aws-sdk/client-sso-admin");
  if (s) out.push(ssoAdmin(s));
  return out;
}
