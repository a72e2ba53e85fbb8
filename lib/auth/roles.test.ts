import { describe, expect, it } from "vitest";
import { groupsFromClaims, normalizeOuPath, ownerScope, roleFor } from "./roles";

const config = { adminGroups: ["Tenfold-Admins"], viewerGroups: ["ciso-office", "review"] };

describe("groupsFromClaims", () => {
  it.each([
    [{ groups: ["a", "b"] }, ["a", "b"]],
    [{ groups: "solo" }, ["solo"]],
    [{ groups: ["a", 3, null, ""] }, ["a"]],
    [{}, []],
    [{ groups: { nested: true } }, []],
  ])("%o → %o", (claims, expected) => {
    expect(groupsFromClaims(claims, "groups")).toEqual(expected);
  });

  it("reads the configured claim name", () => {
    expect(groupsFromClaims({ "cognito:groups": ["x"] }, "cognito:groups")).toEqual(["x"]);
  });
});

describe("roleFor", () => {
  it.each([
    [["tenfold-admins"], "admin"],
    [["review", "tenfold-admins"], "admin"],
    [["ciso-office"], "viewer"],
    [["team-payments"], "owner"],
    [[], "owner"],
  ] as const)("%o → %s", (groups, role) => {
    expect(roleFor([...groups], config)).toBe(role);
  });
});

describe("normalizeOuPath", () => {
  it.each([
    ["Workloads/Prod", "Root/Workloads/Prod"],
    ["/Workloads/Prod/", "Root/Workloads/Prod"],
    ["Root/Workloads", "Root/Workloads"],
    ["root", "Root"],
    ["", "Root"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeOuPath(input)).toBe(expected);
  });
});

describe("ownerScope", () => {
  const ouOwners = [
    { ouPath: "Workloads/Prod", owner: "team-payments" },
    { ouPath: "Sandbox", owner: "Olivia@Example.com" },
    { ouPath: "Workloads/Dev", owner: "someone-else" },
  ];

  it("owns accounts tagged with the email or a group, and the OUs mapped to either", () => {
    expect(ownerScope("olivia@example.com", ["Team-Payments"], { ouOwners })).toEqual({
      ownerValues: ["olivia@example.com", "team-payments"],
      ouPrefixes: ["Root/Workloads/Prod", "Root/Sandbox"],
    });
  });

  it("gives someone with no mapping an empty OU list, not an error", () => {
    expect(ownerScope(null, [], { ouOwners })).toEqual({ ownerValues: [], ouPrefixes: [] });
  });
});
