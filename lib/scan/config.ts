import type { AwsSettingsInput } from "@/lib/aws";
import type { Env } from "@/lib/env";
import { defineScoringConfig, type ScoringConfig } from "@/lib/scoring/config";

/** The scoring configuration of this installation, from validated environment variables. */
export function scoringConfigFromEnv(env: Env): ScoringConfig {
  return defineScoringConfig({
    thresholds: { green: 100, amber: env.TENFOLD_AMBER_THRESHOLD },
    slaDays: { critical: env.TENFOLD_SLA_CRITICAL_DAYS, high: env.TENFOLD_SLA_HIGH_DAYS },
    unusedRoleDays: env.TENFOLD_UNUSED_ROLE_DAYS,
    secretMaxAgeDays: env.TENFOLD_SECRET_MAX_AGE,
    knownCidrs: env.TENFOLD_KNOWN_CIDRS,
    contactDomains: env.TENFOLD_CONTACT_DOMAINS,
    classification: { tag: env.TENFOLD_CLASSIFICATION_TAG, allowed: ["public", "internal", "confidential", "restricted"], publicValue: "public" },
    maxFindingPages: env.TENFOLD_MAX_FINDING_PAGES,
    maxInstances: env.TENFOLD_MAX_INSTANCES,
    attestDays: env.TENFOLD_ATTEST_DAYS,
    tenfoldRoleName: env.TENFOLD_ROLE_NAME,
    logArchiveAccountId: env.TENFOLD_LOG_ARCHIVE_ACCOUNT_ID,
  });
}

/** The AWS settings of this installation; the endpoint overrides and the hash salt come from the caller. */
export function awsSettingsFromEnv(env: Env, extra: { endpointOverrides: Record<string, string>; secretSalt: string }): AwsSettingsInput {
  return {
    roleName: env.TENFOLD_ROLE_NAME,
    externalId: env.TENFOLD_EXTERNAL_ID,
    regionsAllowList: env.TENFOLD_REGIONS,
    homeRegion: env.AWS_REGION,
    maxAttempts: env.TENFOLD_AWS_MAX_ATTEMPTS,
    retryMode: env.TENFOLD_AWS_RETRY_MODE,
    logArchiveAccountId: env.TENFOLD_LOG_ARCHIVE_ACCOUNT_ID,
    managementAccountId: env.TENFOLD_MANAGEMENT_ACCOUNT_ID,
    maxInstances: env.TENFOLD_MAX_INSTANCES,
    maxFindingPages: env.TENFOLD_MAX_FINDING_PAGES,
    ...extra,
  };
}
