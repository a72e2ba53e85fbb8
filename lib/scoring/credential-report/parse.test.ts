import { describe, expect, it } from "vitest";
import { CREDENTIAL_REPORT_COLUMNS, CredentialReportParseError, parseCredentialReport, parseReportBool, parseReportDate } from "./parse";
import { parseCsv } from "./csv";

const HEADER = CREDENTIAL_REPORT_COLUMNS.join(",");
// Root row as real reports print it (lowercase booleans, not_supported password columns).
const ROOT =
  "<root_account>,arn:aws:iam::111111111111:root,2019-03-04T10:00:00+00:00,not_supported,2026-11-20T08:15:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
// An IAM user as the docs print it (uppercase booleans).
const ALICE =
  "alice,arn:aws:iam::111111111111:user/alice,2024-01-02T03:04:05+00:00,TRUE,no_information,2024-01-02T03:04:05+00:00,N/A,FALSE,TRUE,2025-06-01T00:00:00+00:00,2026-11-28T12:00:00+00:00,eu-west-1,s3,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,FALSE,N/A";

describe("parseCredentialReport", () => {
  const rows = parseCredentialReport(`${HEADER}\n${ROOT}\n${ALICE}\n`);

  it("reads every row with the CSV column names as keys", () => {
    expect(rows.map((r) => r.user)).toEqual(["<root_account>", "alice"]);
  });

  it("keeps root's not_supported password column tagged, never null or false", () => {
    expect(rows[0]?.password_enabled).toEqual({ kind: "not_supported" });
    expect(rows[0]?.password_last_changed).toEqual({ kind: "not_supported" });
    expect(rows[0]?.mfa_active).toEqual({ kind: "bool", value: true });
  });

  it("distinguishes no_information (never used) from N/A (no password) and dates", () => {
    expect(rows[1]?.password_last_used).toEqual({ kind: "no_information" });
    expect(rows[1]?.password_next_rotation).toEqual({ kind: "n/a" });
    expect(rows[1]?.access_key_1_last_used_date).toEqual({ kind: "date", iso: "2026-11-28T12:00:00+00:00" });
    expect(rows[1]?.access_key_1_last_used_region).toEqual({ kind: "text", value: "eu-west-1" });
    expect(rows[1]?.access_key_2_last_used_service).toEqual({ kind: "n/a" });
  });

  it("reads uppercase booleans (docs) like lowercase ones (real output)", () => {
    expect(rows[1]?.password_enabled).toEqual({ kind: "bool", value: true });
    expect(rows[1]?.mfa_active).toEqual({ kind: "bool", value: false });
  });

  it("accepts CRLF line ends, a BOM, and reordered columns", () => {
    const cols = [...CREDENTIAL_REPORT_COLUMNS].reverse();
    const values = ALICE.split(",").reverse();
    const parsed = parseCredentialReport(`\ufeff${cols.join(",")}\r\n${values.join(",")}\r\n`);
    expect(parsed[0]?.user).toBe("alice");
    expect(parsed[0]?.access_key_1_active).toEqual({ kind: "bool", value: true });
  });

  it("returns no rows for a header-only report", () => {
    expect(parseCredentialReport(HEADER)).toEqual([]);
  });

  it.each([
    ["empty input", ""],
    ["missing columns", "user,arn\nalice,arn:x"],
    ["a bad boolean", `${HEADER}\n${ALICE.replace("TRUE,no_information", "maybe,no_information")}`],
    ["a bad date", `${HEADER}\n${ALICE.replace("2024-01-02T03:04:05+00:00,TRUE", "yesterday,TRUE")}`],
  ])("rejects %s", (_name, csv) => {
    expect(() => parseCredentialReport(csv)).toThrow(CredentialReportParseError);
  });
});

describe("value parsers", () => {
  it.each([
    ["N/A", { kind: "n/a" }],
    ["no_information", { kind: "no_information" }],
    ["not_supported", { kind: "not_supported" }],
    ["2026-11-29T10:00:00Z", { kind: "date", iso: "2026-11-29T10:00:00Z" }],
  ])("date %s", (raw, expected) => expect(parseReportDate(raw)).toEqual(expected));
  it.each([
    ["true", { kind: "bool", value: true }],
    ["TRUE", { kind: "bool", value: true }],
    ["False", { kind: "bool", value: false }],
    ["not_supported", { kind: "not_supported" }],
  ])("bool %s", (raw, expected) => expect(parseReportBool(raw)).toEqual(expected));
});

describe("parseCsv (RFC 4180)", () => {
  it.each([
    ["plain", "a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ["quoted comma", 'a,"b,c"', [["a", "b,c"]]],
    ["doubled quote", '"say ""hi"""', [['say "hi"']]],
    ["line break inside quotes", '"x\ny",z', [["x\ny", "z"]]],
    ["empty fields", "a,,c", [["a", "", "c"]]],
  ])("%s", (_n, text, expected) => expect(parseCsv(text)).toEqual(expected));
  it("rejects an unterminated quote", () => expect(() => parseCsv('"abc')).toThrow());
});
