// The IAM credential report CSV, exactly per checks.md §12 (22 columns, root row first).
import { isoSeconds } from "./wire/codec";
import type { AccessKeyData, AccountData } from "./scenario/types";

export const CREDENTIAL_REPORT_COLUMNS = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
  "password_next_rotation", "mfa_active",
  "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service",
  "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
] as const;

const NA = "N/A";
const iso = (d: Date | undefined): string => (d ? isoSeconds(d) : NA);

function keyColumns(k: AccessKeyData | undefined): string[] {
  if (!k) return ["false", NA, NA, NA, NA];
  return [
    String(k.status === "Active"),
    isoSeconds(k.createdAt),
    iso(k.lastUsed?.date),
    k.lastUsed?.region ?? NA,
    k.lastUsed?.service ?? NA,
  ];
}

/** CSV text of one account's report; values never need quoting (no commas in names or dates). */
export function buildCredentialReport(account: AccountData): string {
  const { root, users } = account.iam;
  const rows: string[][] = [CREDENTIAL_REPORT_COLUMNS as unknown as string[]];
  rows.push([
    "<root_account>",
    `arn:aws:iam::${account.id}:root`,
    isoSeconds(account.createdAt),
    "not_supported",
    root.hasPassword ? (root.passwordLastUsed ? isoSeconds(root.passwordLastUsed) : "no_information") : NA,
    "not_supported",
    "not_supported",
    String(root.mfa !== "none"),
    ...keyColumns(root.accessKeys[0]),
    ...keyColumns(root.accessKeys[1]),
    "false", NA, "false", NA,
  ]);
  for (const u of users) {
    rows.push([
      u.name,
      `arn:aws:iam::${account.id}:user${u.path}${u.name}`,
      isoSeconds(u.createdAt),
      String(Boolean(u.password)),
      u.password ? (u.password.lastUsed ? isoSeconds(u.password.lastUsed) : "no_information") : NA,
      u.password ? isoSeconds(u.password.lastChanged) : NA,
      NA,
      String(u.mfa !== "none"),
      ...keyColumns(u.accessKeys[0]),
      ...keyColumns(u.accessKeys[1]),
      "false", NA, "false", NA,
    ]);
  }
  return rows.map((r) => r.join(",")).join("\n") + "\n";
}
