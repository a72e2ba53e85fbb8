import type { Severity } from "./types";
import { parseCidr } from "./helpers/cidr";

// Scoring configuration with the defaults of checks.md / product.md §4. A pure object: lib/env.ts builds
// one from env vars (TENFOLD_*) with `defineScoringConfig`, tests build their own.

export type ScoringConfig = {
  /** Severity weights (checks.md §1.1). */
  weights: Record<Severity, number>;
  /** Share of a check's weight a `warn` earns. */
  warnCredit: number;
  /** Item status: green at `green` (100), amber ≥ `amber`, else red; grey when nothing is evaluable. */
  thresholds: { green: number; amber: number };
  /** Finding SLAs in days by severity (i8.*_findings_sla, i10.inspector_critical_findings). */
  slaDays: { critical: number; high: number };
  /** TENFOLD_UNUSED_ROLE_DAYS */
  unusedRoleDays: number;
  /** i9.access_key_age (CIS 1.14). */
  accessKeyMaxAgeDays: number;
  /** i9.unused_access_keys: keys and console passwords unused for this long (IAM.22). */
  unusedCredentialDays: number;
  /** TENFOLD_SECRET_MAX_AGE */
  secretMaxAgeDays: number;
  /** i3.secrets_rotation: NextRotationDate this many days in the past = rotation failing. */
  secretRotationGraceDays: number;
  /** i2.root_recent_use window. */
  rootRecentUseDays: number;
  /** Port sets of checks.md §5. */
  ports: { admin: readonly number[]; highRisk: readonly number[]; authorised: readonly number[] };
  /** TENFOLD_KNOWN_CIDRS; empty → i4.sg_unknown_public_source is not_applicable. */
  knownCidrs: readonly string[];
  /** TENFOLD_CONTACT_DOMAINS; empty → any domain is accepted. */
  contactDomains: readonly string[];
  /** Local part of an email that looks like a person (regex source, case-insensitive). */
  personalEmailPattern: string;
  /** TENFOLD_CLASSIFICATION_TAG and its allowed values; `publicValue` marks the designated public-data accounts. */
  classification: { tag: string; allowed: readonly string[]; publicValue: string };
  /** TENFOLD_MAX_FINDING_PAGES (collector side; shown in "≥ N" reasons). */
  maxFindingPages: number;
  /** TENFOLD_MAX_INSTANCES (collector side sampling of user data). */
  maxInstances: number;
  /** TENFOLD_ATTEST_DAYS: the longest (and default) validity of an attestation. */
  attestDays: number;
  /** TENFOLD_ROLE_NAME: excluded from i7.unused_roles. */
  tenfoldRoleName?: string;
  /** TENFOLD_LOG_ARCHIVE_ACCOUNT_ID; else inferred from ORG evidence. */
  logArchiveAccountId?: string;
};

export const ADMIN_PORTS = [22, 3389] as const;
/** Union of Security Hub EC2.19 and Prowler's high-risk lists, minus the admin ports (checks.md §5). */
export const HIGH_RISK_PORTS = [
  20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 1521, 2483, 2484, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 6379, 7199,
  8080, 8088, 8888, 9042, 9092, 9160, 9200, 9300, 11211, 27017, 27018,
] as const;
export const AUTHORISED_PORTS = [80, 443] as const;

export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  weights: { critical: 10, high: 5, medium: 3, low: 1 },
  warnCredit: 0.5,
  thresholds: { green: 100, amber: 60 },
  slaDays: { critical: 7, high: 30 },
  unusedRoleDays: 90,
  accessKeyMaxAgeDays: 90,
  unusedCredentialDays: 45,
  secretMaxAgeDays: 90,
  secretRotationGraceDays: 2,
  rootRecentUseDays: 90,
  ports: { admin: ADMIN_PORTS, highRisk: HIGH_RISK_PORTS, authorised: AUTHORISED_PORTS },
  knownCidrs: [],
  contactDomains: [],
  personalEmailPattern: "^[a-z]+\\.[a-z]+$",
  classification: {
    tag: "data-classification",
    allowed: ["public", "internal", "confidential", "restricted"],
    publicValue: "public",
  },
  maxFindingPages: 10,
  maxInstances: 500,
  attestDays: 180,
};

/** Defaults overlaid with the given values (one level deep for the nested groups). */
export const defineScoringConfig = (overrides: Partial<ScoringConfig> = {}): ScoringConfig => ({
  ...DEFAULT_SCORING_CONFIG,
  ...overrides,
  weights: { ...DEFAULT_SCORING_CONFIG.weights, ...overrides.weights },
  thresholds: { ...DEFAULT_SCORING_CONFIG.thresholds, ...overrides.thresholds },
  slaDays: { ...DEFAULT_SCORING_CONFIG.slaDays, ...overrides.slaDays },
  ports: { ...DEFAULT_SCORING_CONFIG.ports, ...overrides.ports },
  classification: { ...DEFAULT_SCORING_CONFIG.classification, ...overrides.classification },
});

/** Problems a config built from env vars may have; lib/env.ts reports them at boot (empty = valid). */
export const validateScoringConfig = (c: ScoringConfig): string[] => {
  const problems: string[] = [];
  try {
    new RegExp(c.personalEmailPattern);
  } catch {
    problems.push(`personalEmailPattern is not a valid regular expression: ${c.personalEmailPattern}`);
  }
  for (const cidr of c.knownCidrs) if (parseCidr(cidr) === null) problems.push(`knownCidrs: not a CIDR: ${cidr}`);
  if (!(c.thresholds.amber <= c.thresholds.green)) problems.push("thresholds: amber must not exceed green");
  if (c.warnCredit < 0 || c.warnCredit > 1) problems.push("warnCredit must be between 0 and 1");
  for (const [sev, w] of Object.entries(c.weights)) if (!(w > 0)) problems.push(`weights.${sev} must be positive`);
  for (const p of [...c.ports.admin, ...c.ports.highRisk, ...c.ports.authorised])
    if (!Number.isInteger(p) || p < 0 || p > 65535) problems.push(`ports: not a port: ${p}`);
  if (!c.classification.allowed.includes(c.classification.publicValue)) problems.push("classification.publicValue must be one of classification.allowed");
  return problems;
};
