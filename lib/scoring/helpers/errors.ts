import type { CollectError } from "../evidence";

// AWS error → result mapping of checks.md §1.4, in one place.

const ACCESS_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError"]);
// SDK v3 THROTTLING_ERROR_CODES plus the Security Hub / Organizations spellings (checks.md §0.8, §1.4).
const THROTTLING = new Set([
  "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
  "RequestThrottled", "RequestThrottledException", "LimitExceededException", "BandwidthLimitExceeded", "SlowDown",
  "ProvisionedThroughputExceededException", "EC2ThrottledException", "PriorRequestNotComplete",
]);
/** Region not enabled / service absent there: the Region is dropped, not unknown. */
const REGION_ABSENT = new Set(["UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "ENOTFOUND", "OptInRequired"]);
const NOT_MANAGEMENT = new Set(["AccountNotManagementOrDelegatedAdministratorException", "AccountNotManagementOrDelegatedAdministrator"]);
const NO_ORGANIZATION = new Set([
  "AWSOrganizationsNotInUseException", "AWSOrganizationsNotInUse", "OrganizationNotFoundException", "OrganizationNotFound",
]);

export const isAccessDenied = (e: CollectError) => ACCESS_DENIED.has(e.code);
export const isThrottled = (e: CollectError) => THROTTLING.has(e.code);
export const isRegionAbsent = (e: CollectError) => REGION_ABSENT.has(e.code);
export const isNotManagement = (e: CollectError) => NOT_MANAGEMENT.has(e.code);
export const isNoOrganization = (e: CollectError) => NO_ORGANIZATION.has(e.code);
/** Docs print error names without "Exception"; SDK v3 names them after the shape. Match both. */
export const codeIs = (e: CollectError, name: string) => e.code === name || e.code === `${name}Exception` || `${e.code}Exception` === name;

/** The one-line reason for a result that could not be evaluated. */
export const errorReason = (e: CollectError, action: string): string => {
  if (isAccessDenied(e)) return `AccessDenied: ${e.action ?? action}`;
  if (isThrottled(e)) return "throttled";
  if (isNotManagement(e)) return "run from the management account / IAM delegated admin";
  if (e.code === "NotCollected") return "Region not collected";
  return e.code;
};
