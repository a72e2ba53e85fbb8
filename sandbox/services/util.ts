import type { Ctx } from "../core";
import { SandboxError } from "../errors";

/** Reads `a.b.c` from an SDK-shaped object, matching keys case-insensitively (filters use camelCase). */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    const o = cur as Record<string, unknown>;
    if (part in o) cur = o[part];
    else {
      const lower = part.toLowerCase();
      const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
      cur = key === undefined ? undefined : o[key];
    }
  }
  return cur;
}

export function isManagement(ctx: Ctx): boolean {
  return ctx.account.id === ctx.scenario.management.accountId;
}

/** The caller's account belongs to the scenario's organization (not a standalone or outside account). */
export function isOrgMember(ctx: Ctx): boolean {
  return ctx.scenario.organization !== undefined && ctx.scenario.accounts[ctx.account.id] === ctx.account;
}

/** Registered as delegated administrator for any service: that alone grants read-only Organizations access. */
export function isAnyDelegatedAdmin(ctx: Ctx): boolean {
  return Boolean(ctx.scenario.organization?.delegatedAdministrators.some((d) => d.accountId === ctx.account.id));
}

export function isDelegatedAdmin(ctx: Ctx, principal: string): boolean {
  return Boolean(ctx.scenario.organization?.delegatedAdministrators.some((d) => d.accountId === ctx.account.id && d.servicePrincipal === principal));
}

export function accessDenied(ctx: Ctx, action: string, code = "AccessDeniedException", status = 403): SandboxError {
  return new SandboxError(code, `User: ${ctx.caller.arn} is not authorized to perform: ${action}`, status);
}
