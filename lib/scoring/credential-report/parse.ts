import type {
  CredentialReportRow,
  ReportBool,
  ReportDate,
  ReportTag,
  ReportText,
} from "../evidence/credential-report";
import { parseCsv } from "./csv";

// Parses the IAM credential report CSV (checks.md §12) into typed rows. Pure: the collector decodes
// GetCredentialReport.Content with TextDecoder and calls this.

export class CredentialReportParseError extends Error {
  override name = "CredentialReportParseError";
}

const DATE_COLUMNS = [
  "user_creation_time",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "cert_1_last_rotated",
  "cert_2_last_rotated",
] as const;
const BOOL_COLUMNS = [
  "password_enabled",
  "mfa_active",
  "access_key_1_active",
  "access_key_2_active",
  "cert_1_active",
  "cert_2_active",
] as const;
const TEXT_COLUMNS = [
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
] as const;
const STRING_COLUMNS = ["user", "arn"] as const;

/** The 22 columns, in AWS's order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
  "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
  "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
  "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
] as const;

const tag = (raw: string): ReportTag | undefined => {
  if (raw === "N/A") return { kind: "n/a" };
  if (raw === "no_information") return { kind: "no_information" };
  if (raw === "not_supported") return { kind: "not_supported" };
  return undefined;
};

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export const parseReportDate = (raw: string, where = "date"): ReportDate => {
  const t = tag(raw);
  if (t) return t;
  if (!ISO_LIKE.test(raw) || Number.isNaN(Date.parse(raw))) throw new CredentialReportParseError(`${where}: not a date or tag: ${raw}`);
  return { kind: "date", iso: raw };
};

/** Docs print TRUE/FALSE, real reports print true/false: compare case-insensitively. */
export const parseReportBool = (raw: string, where = "bool"): ReportBool => {
  const t = tag(raw);
  if (t) return t;
  const lower = raw.toLowerCase();
  if (lower === "true") return { kind: "bool", value: true };
  if (lower === "false") return { kind: "bool", value: false };
  throw new CredentialReportParseError(`${where}: not a boolean or tag: ${raw}`);
};

export const parseReportText = (raw: string): ReportText => tag(raw) ?? { kind: "text", value: raw };

export const parseCredentialReport = (csv: string): CredentialReportRow[] => {
  const rows = parseCsv(csv).filter((r) => !(r.length === 1 && r[0] === ""));
  const header = rows.shift();
  if (header === undefined) throw new CredentialReportParseError("empty credential report");
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = CREDENTIAL_REPORT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) throw new CredentialReportParseError(`missing columns: ${missing.join(", ")}`);

  return rows.map((cells, n) => {
    const get = (col: string): string => cells[index.get(col) ?? -1] ?? "";
    const where = (col: string) => `row ${n + 2} ${col}`;
    const out: Record<string, unknown> = {};
    for (const c of STRING_COLUMNS) out[c] = get(c);
    for (const c of DATE_COLUMNS) out[c] = parseReportDate(get(c), where(c));
    for (const c of BOOL_COLUMNS) out[c] = parseReportBool(get(c), where(c));
    for (const c of TEXT_COLUMNS) out[c] = parseReportText(get(c));
    return out as CredentialReportRow;
  });
};
