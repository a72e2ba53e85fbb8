// Public API of lib/scoring: pure functions from typed evidence to check results and scores. No I/O here.
export * from "./evidence";
export * from "./types";
export * from "./catalogue";
export * from "./config";
export * from "./context";
export { detectSecrets, scanUserData, decodeUserData, isReference, saltedHash, type SecretHit, type SecretInput, type SecretKind } from "./secrets/detector";
export { parseCredentialReport, CredentialReportParseError, CREDENTIAL_REPORT_COLUMNS } from "./credential-report";
export { scoreAccount } from "./score-account";
export { scoreItem, scoreAccountItems, scoreOrg, statusOf, creditOf, explainItem } from "./score";
export { applyOverrides, type CheckException, type Attestation, type Overrides } from "./overrides";
export { ITEM_EVALUATORS } from "./items";
export { NEEDS_ATTESTATION } from "./helpers/result";
export { completeRegions } from "./complete-regions";
export * as checks from "./items";
