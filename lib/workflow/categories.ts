// Exception categories, shared by the schema (its enum), the API and the forms. No imports: drizzle-kit
// loads this through the schema.
export const EXCEPTION_CATEGORIES = ["accepted_risk", "false_positive", "pending_fix"] as const;
export type ExceptionCategory = (typeof EXCEPTION_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ExceptionCategory, string> = {
  accepted_risk: "Accepted risk",
  false_positive: "False positive",
  pending_fix: "Pending fix",
};
