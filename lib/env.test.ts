import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("applies defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TENFOLD_DATA_DIR).toBe(".data");
    expect(env.PORT).toBe(3000);
    expect(env.TENFOLD_ROLE_NAME).toBe("TenfoldReadOnly");
    expect(env.TENFOLD_REGIONS).toEqual([]);
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", TENFOLD_REGIONS: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("parses a region allow-list", () => {
    expect(parseEnv({ TENFOLD_REGIONS: "us-east-1, eu-west-1" }).TENFOLD_REGIONS).toEqual(["us-east-1", "eu-west-1"]);
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [{ PORT: "abc" }, "PORT: must be a whole number from 1 to 65535"],
    [{ PORT: "70000" }, "PORT: must be a whole number from 1 to 65535"],
    [{ TENFOLD_REGIONS: "us-east-1,mars" }, "TENFOLD_REGIONS: must be a comma-separated list of AWS Region codes such as us-east-1,eu-west-1"],
    [{ TENFOLD_SCHEDULE: "every hour" }, "TENFOLD_SCHEDULE: must be a cron expression such as '0 */6 * * *'"],
    [{ TENFOLD_KNOWN_CIDRS: "10.0.0.0/8,nonsense" }, "TENFOLD_KNOWN_CIDRS: must be a comma-separated list of CIDR blocks such as 203.0.113.0/24"],
    [{ CRON_SECRET: "short" }, "CRON_SECRET: must be at least 16 characters"],
    [{ TENFOLD_ROLE_NAME: "bad role" }, "TENFOLD_ROLE_NAME: must be an IAM role name (letters, digits and +=,.@_-, at most 64)"],
  ])("rejects %o with one clear line", (source, message) => {
    expect(problemsOf(source)).toEqual([message]);
  });

  it("reports every bad variable at once, one line each", () => {
    expect(problemsOf({ PORT: "0", DATABASE_URL: "nope", TENFOLD_SCAN_CONCURRENCY: "-1" })).toHaveLength(3);
  });
});
