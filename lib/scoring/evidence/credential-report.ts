import type { IsoDate } from "./common";

// The IAM credential report (checks.md §12), parsed by `parseCredentialReport` into typed rows.
// The tagged values stay distinct, never null: "never used" and "not applicable" score differently.

export type ReportTag = { kind: "n/a" } | { kind: "no_information" } | { kind: "not_supported" };

/** A date column: ISO date, or one of AWS's tagged values. */
export type ReportDate = { kind: "date"; iso: IsoDate } | ReportTag;

/** A boolean column (`true`/`TRUE`/`false`/`FALSE`), or a tagged value (root's password_enabled is `not_supported`). */
export type ReportBool = { kind: "bool"; value: boolean } | ReportTag;

/** A free-text column (last used Region / service), or a tagged value. */
export type ReportText = { kind: "text"; value: string } | ReportTag;

/** The root row's `user` value, literally. */
export const ROOT_USER = "<root_account>";

/** One row of the report; keys are the CSV column names exactly (IAM User Guide "Getting credential reports"). */
export type CredentialReportRow = {
  user: string;
  arn: string;
  user_creation_time: ReportDate;
  password_enabled: ReportBool;
  password_last_used: ReportDate;
  password_last_changed: ReportDate;
  password_next_rotation: ReportDate;
  mfa_active: ReportBool;
  access_key_1_active: ReportBool;
  access_key_1_last_rotated: ReportDate;
  access_key_1_last_used_date: ReportDate;
  access_key_1_last_used_region: ReportText;
  access_key_1_last_used_service: ReportText;
  access_key_2_active: ReportBool;
  access_key_2_last_rotated: ReportDate;
  access_key_2_last_used_date: ReportDate;
  access_key_2_last_used_region: ReportText;
  access_key_2_last_used_service: ReportText;
  cert_1_active: ReportBool;
  cert_1_last_rotated: ReportDate;
  cert_2_active: ReportBool;
  cert_2_last_rotated: ReportDate;
};

/** iam:GetCredentialReport → Content (parsed) + GeneratedTime (the evidence time; IAM reuses reports up to 4 h old). */
export type CredentialReport = {
  generatedTime: IsoDate;
  rows: CredentialReportRow[];
};
