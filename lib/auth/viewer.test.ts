import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { accountScope, can, DEMO_VIEWER, type Viewer } from "./viewer";

const dialect = new PgDialect();
const render = (viewer: Viewer) => dialect.sqlToQuery(accountScope(viewer));
const owner = (ownerValues: string[], ouPrefixes: string[]): Viewer => ({ ...DEMO_VIEWER, demo: false, role: "owner", ownerValues, ouPrefixes });

describe("accountScope", () => {
  it("does not restrict admins and viewers", () => {
    expect(render({ ...DEMO_VIEWER, role: "admin" }).sql).toBe("true");
    expect(render({ ...DEMO_VIEWER, role: "viewer" }).sql).toBe("true");
  });

  it("gives an owner without any mapping nothing", () => {
    expect(render(owner([], [])).sql).toBe("false");
  });

  it("matches the owner tag case-insensitively and OU paths at a path boundary", () => {
    const query = render(owner(["team-a", "olivia@example.com"], ["Root/Pay_ments%"]));
    expect(query.sql).toBe(
      '(lower("accounts"."owner") in ($1, $2) or "accounts"."ou_path" = $3 or "accounts"."ou_path" like $4)',
    );
    // LIKE wildcards inside an OU name are escaped; only the trailing "/%" is a wildcard.
    expect(query.params).toEqual(["team-a", "olivia@example.com", "Root/Pay_ments%", "Root/Pay\\_ments\\%/%"]);
  });
});

describe("can", () => {
  it.each([
    ["admin", "settings", true],
    ["admin", "rescan", true],
    ["owner", "rescan", true],
    ["owner", "exception", true],
    ["owner", "settings", false],
    ["viewer", "rescan", false],
    ["viewer", "attestation", false],
  ] as const)("%s may %s: %s", (role, action, expected) => {
    expect(can({ ...DEMO_VIEWER, role }, action)).toBe(expected);
  });
});
