// The demo organisation's shape: OUs, accounts, owners and classification tags.

export type OuKey = "security" | "infrastructure" | "prod" | "dev" | "sandbox" | "suspended";

export interface DemoAccountSpec {
  id: string;
  name: string;
  ou: OuKey | "root";
  owner: string;
  /** undefined = the tag is missing (amber for i5.classification_tagged). */
  classification?: "public" | "internal" | "confidential" | "restricted";
  suspended?: boolean;
  /** false: the account runs no code of its own (no Lambda, containers or Inspector), so item 10 has nothing to measure. */
  workloads?: false;
}

export const DEMO_MANAGEMENT_ID = "100000000000";
export const DEMO_LOG_ARCHIVE_ID = "100000000001";
export const DEMO_SECURITY_ID = "100000000002";

const teams = ["payments", "orders", "catalog", "search", "analytics", "mobile-api", "web", "data-lake", "ml-platform", "notifications"] as const;
const teamOwner: Record<string, string> = {
  payments: "team-payments@example.com",
  orders: "team-orders@example.com",
  catalog: "team-catalog@example.com",
  search: "team-search@example.com",
  analytics: "team-data@example.com",
  "mobile-api": "team-mobile@example.com",
  web: "team-web@example.com",
  "data-lake": "team-data@example.com",
  "ml-platform": "team-ml@example.com",
  notifications: "team-notifications@example.com",
};

function id(n: number): string {
  return String(100000000000 + n);
}

/** Extra generated workload accounts (for benchmarks at scale), alternating Prod and Dev. */
export function extraAccounts(count: number): DemoAccountSpec[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const team = teams[i % teams.length] ?? "web";
    return {
      id: String(200000000000 + i),
      name: `workload-${String(i + 1).padStart(4, "0")}`,
      ou: i % 2 === 0 ? "prod" : "dev",
      owner: teamOwner[team] ?? "",
      classification: i % 5 === 4 ? undefined : "internal",
    };
  });
}

export function demoAccounts(): DemoAccountSpec[] {
  const list: DemoAccountSpec[] = [
    { id: DEMO_MANAGEMENT_ID, name: "tenfold-demo-management", ou: "root", owner: "cloud-platform@example.com", classification: "restricted" },
    { id: DEMO_LOG_ARCHIVE_ID, name: "log-archive", ou: "security", owner: "security@example.com", classification: "restricted" },
    { id: DEMO_SECURITY_ID, name: "security-tooling", ou: "security", owner: "security@example.com", classification: "restricted" },
    { id: id(3), name: "network", ou: "infrastructure", owner: "cloud-platform@example.com", classification: "internal", workloads: false },
    { id: id(4), name: "shared-services", ou: "infrastructure", owner: "cloud-platform@example.com", classification: "internal" },
    { id: id(5), name: "identity", ou: "infrastructure", owner: "team-identity@example.com", classification: "confidential" },
    { id: id(6), name: "ci-cd", ou: "infrastructure", owner: "cloud-platform@example.com" },
  ];
  let n = 10;
  for (const t of teams) {
    list.push({ id: id(n++), name: `${t}-prod`, ou: "prod", owner: teamOwner[t] ?? "", classification: t === "payments" ? "restricted" : t === "search" ? undefined : "confidential" });
  }
  list.push({ id: id(n++), name: "public-website", ou: "prod", owner: "team-web@example.com", classification: "public" });
  list.push({ id: id(n++), name: "identity-svc-prod", ou: "prod", owner: "team-identity@example.com", classification: "restricted" });
  n = 30;
  for (const t of teams) list.push({ id: id(n++), name: `${t}-dev`, ou: "dev", owner: teamOwner[t] ?? "", classification: t === "ml-platform" || t === "web" ? undefined : "internal" });
  n = 50;
  for (let i = 1; i <= 8; i++) list.push({ id: id(n++), name: `dev-sandbox-${i}`, ou: "sandbox", owner: teamOwner[teams[i % teams.length] ?? "web"] ?? "", classification: i % 3 === 0 ? undefined : "internal" });
  list.push({ id: id(90), name: "legacy-crm", ou: "suspended", owner: "team-orders@example.com", classification: "confidential", suspended: true });
  list.push({ id: id(91), name: "old-poc", ou: "suspended", owner: "team-ml@example.com", suspended: true });
  return list;
}
