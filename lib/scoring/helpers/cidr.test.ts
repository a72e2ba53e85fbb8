import { describe, expect, it } from "vitest";
import { cidrWithin, isInternet, isPublicCidr, parseCidr } from "./cidr";

describe("cidr", () => {
  it.each([
    ["10.1.2.0/24", "10.0.0.0/8", true],
    ["10.0.0.0/8", "10.1.0.0/16", false],
    ["172.32.0.0/16", "172.16.0.0/12", false],
    ["2001:db8:1::/48", "2001:db8::/32", true],
    ["fd00::1/128", "fc00::/7", true],
    ["10.0.0.0/8", "::/0", false],
  ])("%s within %s = %s", (inner, outer, expected) => expect(cidrWithin(inner, outer)).toBe(expected));

  it.each([
    ["0.0.0.0/0", true],
    ["::/0", true],
    ["0.0.0.0/1", false],
  ])("isInternet(%s) = %s", (c, expected) => expect(isInternet(c)).toBe(expected));

  it.each([
    ["8.8.8.8/32", true],
    ["192.168.1.0/24", false],
    ["100.64.0.0/10", false],
    ["169.254.169.254/32", false],
    ["fe80::/64", false],
    ["2600:1f18::/36", true],
    ["not-a-cidr", false],
  ])("isPublicCidr(%s) = %s", (c, expected) => expect(isPublicCidr(c)).toBe(expected));

  it("rejects malformed CIDRs", () => {
    expect(parseCidr("300.1.1.1/8")).toBeNull();
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("1::2::3/64")).toBeNull();
  });
});
