import type { IamEvidence } from "./iam";

// Item 9 — rotate keys (checks.md §10). Every check reads the credential report and the account summary,
// which AccountEvidence carries once in `iam` (shared with item 2); item 9 has no evidence of its own.
export type Item9Evidence = Pick<IamEvidence, "credentialReport" | "accountSummary">;
