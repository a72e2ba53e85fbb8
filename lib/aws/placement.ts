// Where the scanner runs (README "Deploying to AWS"), learnt from AWS rather than configured:
// sts:GetCallerIdentity gives its own account, DescribeOrganization (answered to any member) the
// management account. TENFOLD_MANAGEMENT_ACCOUNT_ID names the organisation of a scanner outside it.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { Collected } from "@/lib/scoring/evidence";
import type { ClientFactory } from "./clients";
import { describeOrganization, type OrganizationFacts } from "./collectors/organizations";
import { call, errorName, isAbortError } from "./errors";

export async function scannerAccountId(clients: ClientFactory): Promise<string> {
  const out = await call("sts:GetCallerIdentity", () => clients.get("sts").send(new GetCallerIdentityCommand({})));
  return out.Account ?? "";
}

/**
 * - `management`: the scanner is the management account; it reads it (and Organizations) as itself.
 * - `member`: a member account, normally a delegated administrator: Organizations through its own
 *   delegated-admin access, the management account through the member role deployed there.
 * - `outside`: not in the organisation; everything, Organizations included, through the member roles.
 * - `standalone`: no organisation at all; the scanner's account is the only one.
 */
export type PlacementKind = "management" | "member" | "outside" | "standalone";

export type Placement = {
  kind: PlacementKind;
  /** Read with the scanner's own credentials, never through AssumeRole into itself. */
  scannerAccountId: string;
  /** The organisation's management account (the scanner's own when standalone). */
  managementAccountId: string;
  /** DescribeOrganization as the scanner itself sees it. */
  ownOrganization: Collected<OrganizationFacts | null>;
};

export async function resolvePlacement(self: ClientFactory, configuredManagementId?: string): Promise<Placement> {
  const [scannerId, own] = await Promise.all([scannerAccountId(self), describeOrganization(self)]);
  const ownManagement = own.ok ? own.value?.managementAccountId : undefined;
  const base = { scannerAccountId: scannerId, ownOrganization: own };
  if (configuredManagementId !== undefined && configuredManagementId !== ownManagement && configuredManagementId !== scannerId)
    return { ...base, kind: "outside", managementAccountId: configuredManagementId };
  // Not in an organisation and none configured: the scanner's account alone.
  if (own.ok && own.value === null) return { ...base, kind: "standalone", managementAccountId: scannerId };
  // DescribeOrganization failing (e.g. denied) leaves the scanner taken for the management account, as
  // before placements were told apart: ListAccounts then says whether it is.
  const managementAccountId = ownManagement ?? scannerId;
  return { ...base, kind: managementAccountId === scannerId ? "management" : "member", managementAccountId };
}

/** Refusals that mean "ask the management account": the scanner's own account may not make this call. */
const NOT_HERE = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "AccountNotManagementOrDelegatedAdministratorException",
  "AWSOrganizationsNotInUseException",
]);

/**
 * Reads something only the management account (or a delegated administrator) can answer: as the
 * scanner itself when it is the management account; through the member role there when it is outside;
 * from a member account first as itself (delegated-admin access), then through the member role in the
 * management account if refused. When that role cannot be assumed either, the refusal stands, saying so.
 */
export async function readAsManagement<T>(
  placement: Placement,
  self: ClientFactory,
  managementRole: () => Promise<ClientFactory>,
  read: (clients: ClientFactory) => Promise<T>,
): Promise<T> {
  if (placement.kind === "management" || placement.kind === "standalone") return read(self);
  if (placement.kind === "outside") return read(await managementRole());
  try {
    return await read(self);
  } catch (refusal) {
    if (isAbortError(refusal) || !NOT_HERE.has(errorName(refusal))) throw refusal;
    let clients: ClientFactory;
    try {
      clients = await managementRole();
    } catch (entry) {
      if (isAbortError(entry)) throw entry;
      if (refusal instanceof Error)
        refusal.message = `${refusal.message} (and the member role in the management account ${placement.managementAccountId} could not be assumed: ${errorName(entry)})`;
      throw refusal;
    }
    return read(clients);
  }
}
