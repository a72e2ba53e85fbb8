// Pure role mapping: IdP claims + configuration → role and the values that scope an owner's accounts.
export type Role = "admin" | "viewer" | "owner";

export type RoleConfig = {
  groupsClaim: string;
  adminGroups: string[];
  viewerGroups: string[];
  ouOwners: { ouPath: string; owner: string }[];
};

/** The groups claim as a list: IdPs send an array, a single string, or nothing. */
export function groupsFromClaims(claims: Record<string, unknown>, claimName: string): string[] {
  const raw = claims[claimName];
  if (typeof raw === "string") return raw ? [raw] : [];
  if (Array.isArray(raw)) return raw.filter((value): value is string => typeof value === "string" && value.length > 0);
  return [];
}

const lower = (values: string[]) => values.map((value) => value.toLowerCase());

export function roleFor(groups: string[], config: Pick<RoleConfig, "adminGroups" | "viewerGroups">): Role {
  const mine = new Set(lower(groups));
  if (lower(config.adminGroups).some((group) => mine.has(group))) return "admin";
  if (lower(config.viewerGroups).some((group) => mine.has(group))) return "viewer";
  return "owner";
}

/** Whether one of the person's groups is an approver group (case-insensitive). */
export function isApprover(groups: string[], approverGroups: string[]): boolean {
  const mine = new Set(lower(groups));
  return lower(approverGroups).some((group) => mine.has(group));
}

/** "Root/Workloads/Prod", "/Workloads/Prod/" and "Workloads/Prod" name the same OU path. */
export function normalizeOuPath(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "" || trimmed.toLowerCase() === "root") return "Root";
  return trimmed.toLowerCase().startsWith("root/") ? `Root/${trimmed.slice(5)}` : `Root/${trimmed}`;
}

/**
 * What an owner may see: accounts whose owner tag equals their email or one of their groups
 * (case-insensitive), and accounts under an OU mapped to one of those values.
 */
export function ownerScope(email: string | null, groups: string[], config: Pick<RoleConfig, "ouOwners">) {
  const ownerValues = [...new Set(lower([...(email ? [email] : []), ...groups]))];
  const mine = new Set(ownerValues);
  const ouPrefixes = [
    ...new Set(config.ouOwners.filter((entry) => mine.has(entry.owner.toLowerCase())).map((entry) => normalizeOuPath(entry.ouPath))),
  ];
  return { ownerValues, ouPrefixes };
}
