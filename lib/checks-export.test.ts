import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CHECK_EXPORT_COLUMNS, checksCsv, checksJson, type ExportableCheck } from "./checks-export";

const evaluatedAt = new Date("2026-11-29T06:00:00Z");
const checks: ExportableCheck[] = [
  {
    item: 2,
    checkId: "i2.root_mfa",
    result: "fail",
    severity: "critical",
    reason: "root has no MFA, \"password\" set",
    resources: [{ kind: "root", id: "arn:aws:iam::111111111111:root" }, { kind: "user", id: "=HYPERLINK(\"x\")" }],
    resourcesTruncated: 3,
    since: new Date("2026-11-01T06:00:00Z"),
    originalResult: null,
    overrideId: null,
    evaluatedAt,
  },
  {
    item: 2,
    checkId: "i2.console_users_mfa",
    result: "excepted",
    severity: "high",
    reason: "+ accepted risk",
    resources: [],
    resourcesTruncated: 0,
    since: new Date("2026-11-20T06:00:00Z"),
    originalResult: "fail",
    overrideId: "7f8a1b2c-0000-4000-8000-000000000001",
    evaluatedAt,
  },
];

describe("checks export", () => {
  it("parses back with a standard CSV parser: one row per check, the columns in order", () => {
    const rows = parse(checksCsv(checks), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CHECK_EXPORT_COLUMNS]);
    expect(rows[0]).toEqual({
      item: "2",
      check_id: "i2.root_mfa",
      title: "Root user has MFA",
      result: "fail",
      severity: "critical",
      reason: 'root has no MFA, "password" set',
      // The joined cell starts with the ARN, so it is not a formula; the second id is inside it.
      resources: 'arn:aws:iam::111111111111:root; =HYPERLINK("x")',
      resources_truncated: "3",
      first_seen_failing: "2026-11-01T06:00:00.000Z",
      original_result: "",
      override_id: "",
      evaluated_at: "2026-11-29T06:00:00.000Z",
    });
    // A reason starting with "+" is neutralised; an excepted check has no "first seen failing".
    expect(rows[1]).toMatchObject({ reason: "'+ accepted risk", result: "excepted", first_seen_failing: "", original_result: "fail", override_id: "7f8a1b2c-0000-4000-8000-000000000001" });
  });

  it("neutralises a resource list that starts with a formula", () => {
    const [row] = parse(checksCsv([{ ...checks[0]!, resources: [{ kind: "user", id: "=1+1" }] }]), { columns: true }) as Record<string, string>[];
    expect(row?.resources).toBe("'=1+1");
  });

  it("keeps resources as objects in JSON", () => {
    const json = checksJson({ id: "111111111111", name: "prod" }, checks, evaluatedAt);
    expect(json.count).toBe(2);
    expect(json.checks[0]?.resources).toEqual(checks[0]!.resources);
    expect(json.checks[1]).toMatchObject({ check_id: "i2.console_users_mfa", original_result: "fail" });
  });
});
