import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@sum", "'@sum"],
    ["\tx", "\"'\tx\""],
    ["\rx", "\"'\rx\""],
    [null, ""],
  ] as const)("cell %j", (value, expected) => expect(csvCell(value)).toBe(expected));

  // OWASP: spreadsheets skip leading whitespace and control characters, and East Asian Excel takes the
  // full-width signs as formula starts too.
  it.each([
    [" =1+1", "' =1+1"],
    ["  +1", "'  +1"],
    ["\t=1+1", "\"'\t=1+1\""],
    ["\n=1+1", "\"'\n=1+1\""],
    ["\r\n@SUM(A1)", "\"'\r\n@SUM(A1)\""],
    ["\u3000=1+1", "'\u3000=1+1"],
    ["\u00a0-1", "'\u00a0-1"],
    ["\0=1+1", "'\0=1+1"],
    ["\0x", "'\0x"],
    ["\n", "\"'\n\""],
    ["\uff1dHYPERLINK(1)", "'\uff1dHYPERLINK(1)"],
    ["\uff0b1", "'\uff0b1"],
    ["\uff0d1", "'\uff0d1"],
    ["\uff20SUM(1)", "'\uff20SUM(1)"],
  ] as const)("guards %j", (value, expected) => expect(csvCell(value)).toBe(expected));

  it.each([
    ["a - b", "a - b"],
    ["ops@example.com", "ops@example.com"],
    ["1 + 1", "1 + 1"],
    ["x\uff1d1", "x\uff1d1"],
  ] as const)("leaves %j alone: the sign is not at the start", (value, expected) => expect(csvCell(value)).toBe(expected));

  it("quotes a value another reader could split on ; or tab, so its tail cannot start a cell", () => {
    expect(csvCell("ok;=1+1")).toBe('"ok;=1+1"');
    expect(csvCell("ok\t=1+1")).toBe('"ok\t=1+1"');
  });

  it("numbers are not treated as formulas", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
  });

  it("joins rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
