import { describe, expect, it } from "vitest";
import { authMode, bindHost, EnvError, parseEnv, servingProblem } from "./env";

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
    [{ TENFOLD_MANAGEMENT_ACCOUNT_ID: "1111-2222-3333" }, "TENFOLD_MANAGEMENT_ACCOUNT_ID: must be a 12-digit AWS account id"],
  ])("rejects %o with one clear line", (source, message) => {
    expect(problemsOf(source)).toEqual([message]);
  });

  it("reports every bad variable at once, one line each", () => {
    expect(problemsOf({ PORT: "0", DATABASE_URL: "nope", TENFOLD_SCAN_CONCURRENCY: "-1" })).toHaveLength(3);
  });
});

describe("sign-in settings", () => {
  const oidc = { OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "tenfold", OIDC_CLIENT_SECRET: "s3cret" };

  it("defaults to the groups claim, 60-minute idle and 12-hour absolute session timeouts", () => {
    const env = parseEnv(oidc);
    expect(env.TENFOLD_GROUPS_CLAIM).toBe("groups");
    expect(env.TENFOLD_SESSION_IDLE_MINUTES).toBe(60);
    expect(env.TENFOLD_SESSION_MAX_HOURS).toBe(12);
    expect(authMode(env)).toBe("oidc");
    expect(servingProblem({ ...env, TENFOLD_URL: "https://tenfold.example.com" })).toBeNull();
  });

  it("refuses to serve sign-in without the public origin that pins the Host header", () => {
    expect(servingProblem(parseEnv(oidc))).toBe("TENFOLD_URL is required with sign-in: set it to the public origin people use, such as https://tenfold.example.com.");
    expect(servingProblem(parseEnv({ TENFOLD_DEMO_MODE: "true" }))).toBeNull();
  });

  it("parses group lists and the OU owner mapping", () => {
    const env = parseEnv({ TENFOLD_ADMIN_GROUPS: "sec, platform", TENFOLD_OU_OWNERS: "Workloads/Prod=team-payments; Sandbox = platform" });
    expect(env.TENFOLD_ADMIN_GROUPS).toEqual(["sec", "platform"]);
    expect(env.TENFOLD_OU_OWNERS).toEqual([
      { ouPath: "Workloads/Prod", owner: "team-payments" },
      { ouPath: "Sandbox", owner: "platform" },
    ]);
  });

  it("refuses to serve without OIDC settings or demo mode, in one line", () => {
    const problem = servingProblem(parseEnv({}));
    expect(problem).toMatch(/^sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(problem).not.toContain("\n");
  });

  it("binds demo mode to loopback by default", () => {
    const env = parseEnv({ TENFOLD_DEMO_MODE: "true" });
    expect(authMode(env)).toBe("demo");
    expect(bindHost(env)).toBe("127.0.0.1");
    expect(bindHost(parseEnv(oidc))).toBe("0.0.0.0");
  });

  it.each([
    [{ OIDC_ISSUER: "https://login.example.com" }, ["OIDC_CLIENT_ID: is required once any OIDC_ setting is set", "OIDC_CLIENT_SECRET: is required once any OIDC_ setting is set"]],
    [{ ...oidc, OIDC_ISSUER: "http://login.example.com" }, ["OIDC_ISSUER: must be an https:// URL (http:// only for localhost)"]],
    [{ TENFOLD_DEMO_MODE: "true", HOST: "0.0.0.0" }, ["HOST: must be a loopback address (127.0.0.1, ::1 or localhost) while TENFOLD_DEMO_MODE is on"]],
    [{ ...oidc, TENFOLD_DEMO_MODE: "true" }, ["TENFOLD_DEMO_MODE: cannot be combined with OIDC_ISSUER: demo mode turns sign-in off"]],
    [{ TENFOLD_DEMO_MODE: "yes" }, ["TENFOLD_DEMO_MODE: must be true or false"]],
    [{ TENFOLD_OU_OWNERS: "Workloads/Prod" }, ["TENFOLD_OU_OWNERS: must be a ;-separated list of OU-path=group, such as Workloads/Prod=team-payments;Sandbox=platform"]],
    [{ TENFOLD_SESSION_IDLE_MINUTES: "0" }, ["TENFOLD_SESSION_IDLE_MINUTES: must be a whole number from 1 to 1440"]],
    [{ TENFOLD_URL: "tenfold.example.com" }, ["TENFOLD_URL: must be an http:// or https:// URL"]],
  ])("rejects %o with one line per problem", (source, messages) => {
    expect(problemsOf(source)).toEqual(messages);
  });

  it("accepts an http issuer on loopback (the tests' provider)", () => {
    expect(authMode(parseEnv({ ...oidc, OIDC_ISSUER: "http://127.0.0.1:3102" }))).toBe("oidc");
  });
});
