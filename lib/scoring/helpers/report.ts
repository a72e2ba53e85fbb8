import type { CredentialReportRow, ReportBool, ReportDate } from "../evidence";
import { ROOT_USER } from "../evidence";

export const isTrue = (b: ReportBool): boolean => b.kind === "bool" && b.value;
export const dateOf = (d: ReportDate): string | undefined => (d.kind === "date" ? d.iso : undefined);

export const rootRow = (rows: CredentialReportRow[]) => rows.find((r) => r.user === ROOT_USER);
export const userRows = (rows: CredentialReportRow[]) => rows.filter((r) => r.user !== ROOT_USER);

/** The two access key slots of a row, so checks loop instead of repeating column names. */
export const keySlots = (r: CredentialReportRow) =>
  [
    { slot: 1, active: isTrue(r.access_key_1_active), lastRotated: r.access_key_1_last_rotated, lastUsed: r.access_key_1_last_used_date },
    { slot: 2, active: isTrue(r.access_key_2_active), lastRotated: r.access_key_2_last_rotated, lastUsed: r.access_key_2_last_used_date },
  ] as const;
